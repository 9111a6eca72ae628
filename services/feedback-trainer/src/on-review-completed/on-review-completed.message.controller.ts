import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ReviewCompleted, TOPICS } from '@dhi/contracts';
import { EventPattern, Payload, PoisonMessageError } from '@dhi/messaging';
import { RecordReviewEventService } from '../record-review-event/record-review-event.service.js';

/** review.completed → recorded as training material. */
@Controller()
export class OnReviewCompletedMessageController {
  constructor(@Inject(RecordReviewEventService) private readonly events: RecordReviewEventService) {}

  @EventPattern(TOPICS.reviewCompleted)
  async handle(@Payload() event: Envelope<ReviewCompleted>): Promise<void> {
    // the build id keys the partition; an envelope about another build than its payload is unusable
    if (event.subject !== event.data.buildId) {
      throw new PoisonMessageError(`subject ${event.subject} is not the payload's buildId ${event.data.buildId}`);
    }
    await this.events.record({ type: 'review.completed', event });
  }
}
