import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ReviewCompleted, TOPICS } from '@dhi/contracts';
import { EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnReviewCompletedService } from './on-review-completed.service.js';

/** Consumes `dhi.review.completed.v1` (validated by the transport against its contract). */
@Controller()
export class OnReviewCompletedMessageController {
  constructor(
    @Inject(OnReviewCompletedService) private readonly service: OnReviewCompletedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.reviewCompleted)
  async handle(@Payload() event: Envelope<ReviewCompleted>): Promise<void> {
    this.logger.info({ eventId: event.id, caseId: event.data.caseId, verdict: event.data.verdict }, 'review completed');
    await this.service.apply(event);
  }
}
