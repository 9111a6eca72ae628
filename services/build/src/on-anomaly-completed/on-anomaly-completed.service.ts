import { Inject, Injectable } from '@nestjs/common';
import { type AnomalyCompleted, type Envelope } from '@dhi/contracts';
import { describeCounts, totalOf } from '../domain/severity-counts.js';
import { TimelineRecorder } from '../domain/timeline-recorder.service.js';

/** The anomaly detector finished a build: its stage is done and its anomaly counts become the build's summary. */
@Injectable()
export class OnAnomalyCompletedService {
  constructor(@Inject(TimelineRecorder) private readonly timeline: TimelineRecorder) {}

  async record(event: Envelope<AnomalyCompleted>): Promise<void> {
    const result = event.data;
    const detail =
      `${totalOf(result.summary)} anomalies (${describeCounts(result.summary)}), score ${result.score}, ` +
      `baseline of ${result.baseline.size} builds (v${result.baseline.version})`;
    await this.timeline.record(event, result.buildId, {
      stage: 'anomaly',
      stageStatus: 'done',
      at: new Date(event.time),
      detail,
      buildStatus: 'analysing',
      results: { anomalies: result.summary },
      log: `anomaly detection completed: ${detail}${result.modelVersion ? `, model ${result.modelVersion}` : ''}`,
    });
  }
}
