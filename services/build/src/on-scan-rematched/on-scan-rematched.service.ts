import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ScanRematched } from '@dhi/contracts';
import { describeCounts, totalOf } from '../domain/severity-counts.js';
import { TimelineRecorder } from '../domain/timeline-recorder.service.js';

/**
 * An advisory change altered a scanned build's findings: its finding counts follow (whatever its status, an approved
 * build included) and the scan stage and the log say what changed and why.
 */
@Injectable()
export class OnScanRematchedService {
  constructor(@Inject(TimelineRecorder) private readonly timeline: TimelineRecorder) {}

  async record(event: Envelope<ScanRematched>): Promise<void> {
    const rematch = event.data;
    const advisories = rematch.trigger.kind === 'advisories' ? rematch.trigger.advisoryIds : [];
    const changes = `${rematch.detected.length} new, ${rematch.updated.length} changed, ${rematch.resolved.length} resolved`;
    const detail = `re-matched after an advisory update (${changes}): ${totalOf(rematch.summary)} findings (${describeCounts(rematch.summary)})`;
    const shown = advisories.slice(0, 10).join(', ') + (advisories.length > 10 ? `, and ${advisories.length - 10} more` : '');
    await this.timeline.record(event, rematch.buildId, {
      stage: 'scan',
      stageStatus: 'done',
      at: new Date(event.time),
      detail,
      results: { findings: rematch.summary },
      log: `${detail}${shown ? `; advisories ${shown}` : ''}`,
    });
  }
}
