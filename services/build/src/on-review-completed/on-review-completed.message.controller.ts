import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ReviewCompleted, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnReviewCompletedService } from './on-review-completed.service.js';

@Controller()
export class OnReviewCompletedMessageController {
  constructor(
    @Inject(OnReviewCompletedService) private readonly service: OnReviewCompletedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.reviewCompleted)
  async handle(@Payload() event: Envelope<ReviewCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, caseId: event.data.caseId, attempt: ctx.attempt }, 'review.completed received');
    await this.service.record(event);
  }
}
