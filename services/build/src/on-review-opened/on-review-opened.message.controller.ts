import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ReviewOpened, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnReviewOpenedService } from './on-review-opened.service.js';

@Controller()
export class OnReviewOpenedMessageController {
  constructor(
    @Inject(OnReviewOpenedService) private readonly service: OnReviewOpenedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.reviewOpened)
  async handle(@Payload() event: Envelope<ReviewOpened>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, caseId: event.data.caseId, attempt: ctx.attempt }, 'review.opened received');
    await this.service.record(event);
  }
}
