import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ReviewOpened } from '@dhi/contracts';
import { TimelineRecorder } from '../domain/timeline-recorder.service.js';

/** A review case was opened for a build: the review stage runs and the build is in review. */
@Injectable()
export class OnReviewOpenedService {
  constructor(@Inject(TimelineRecorder) private readonly timeline: TimelineRecorder) {}

  async record(event: Envelope<ReviewOpened>): Promise<void> {
    const review = event.data;
    const detail = `review case ${review.caseId} opened with ${review.itemCount} item${review.itemCount === 1 ? '' : 's'}`;
    await this.timeline.record(event, review.buildId, {
      stage: 'review',
      stageStatus: 'running',
      at: new Date(review.openedAt),
      detail,
      buildStatus: 'in_review',
      log: detail,
    });
  }
}
