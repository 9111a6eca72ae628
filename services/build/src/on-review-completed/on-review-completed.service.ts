import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ReviewCompleted } from '@dhi/contracts';
import { TimelineRecorder } from '../domain/timeline-recorder.service.js';

/** The reviewer decided: the review stage is done and the build is approved or rejected, for good. */
@Injectable()
export class OnReviewCompletedService {
  constructor(@Inject(TimelineRecorder) private readonly timeline: TimelineRecorder) {}

  async record(event: Envelope<ReviewCompleted>): Promise<void> {
    const review = event.data;
    const detail = `${review.verdict} by ${review.reviewer}${review.comment ? `: ${review.comment}` : ''}`;
    await this.timeline.record(event, review.buildId, {
      stage: 'review',
      stageStatus: 'done',
      at: new Date(review.decidedAt),
      detail,
      buildStatus: review.verdict,
      verdict: { verdict: review.verdict, reviewer: review.reviewer, comment: review.comment, decidedAt: review.decidedAt, caseId: review.caseId },
      log: `review case ${review.caseId} completed: ${detail}`,
    });
  }
}
