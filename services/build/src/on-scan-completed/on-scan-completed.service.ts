import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ScanCompleted } from '@dhi/contracts';
import { describeCounts, totalOf } from '../domain/severity-counts.js';
import { TimelineRecorder } from '../domain/timeline-recorder.service.js';

/** The scanner finished a build: its stage is done and its finding counts become the build's summary. */
@Injectable()
export class OnScanCompletedService {
  constructor(@Inject(TimelineRecorder) private readonly timeline: TimelineRecorder) {}

  async record(event: Envelope<ScanCompleted>): Promise<void> {
    const scan = event.data;
    const detail = `${totalOf(scan.summary)} findings (${describeCounts(scan.summary)}), ${scan.packageCount} packages, scanner ${scan.scannerVersion}`;
    await this.timeline.record(event, scan.buildId, {
      stage: 'scan',
      stageStatus: 'done',
      at: new Date(event.time),
      detail,
      buildStatus: 'analysing',
      results: { findings: scan.summary },
      log: `scan completed: ${detail}${scan.modelVersion ? `, model ${scan.modelVersion}` : ''}`,
    });
  }
}
