import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ReviewCompleted } from '@dhi/contracts';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { type AnomalyDetectorConfig, SERVICE } from '../config.js';
import { type Admission, admitToBaseline } from './admit-to-baseline.js';

/** The baseline window, provided by the app module from the config. */
export const BASELINE_WINDOW = Symbol.for('dhi.anomaly-detector.baselineWindow');

/** Grows a lineage's baseline with each build reviewers approved. */
@Injectable()
export class OnReviewCompletedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BASELINE_WINDOW) private readonly window: AnomalyDetectorConfig['BASELINE_WINDOW'],
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async apply(event: Envelope<ReviewCompleted>): Promise<void> {
    const { buildId, verdict, decidedAt, caseId } = event.data;
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE, eventId: event.id }, (manager) =>
      verdict === 'approved' ? admitToBaseline(manager, buildId, new Date(decidedAt), this.window) : Promise.resolve(null),
    );
    if (outcome.duplicate) return void this.logger.info({ eventId: event.id }, 'duplicate delivery ignored');
    const admission: Admission | null = outcome.result;
    if (admission === null) {
      this.logger.info({ eventId: event.id, caseId, verdict }, 'build not approved; baseline unchanged');
    } else if (admission.outcome === 'no_profile') {
      this.logger.warn({ eventId: event.id, caseId }, 'approved build was never profiled; baseline unchanged');
    } else {
      this.logger.info({ eventId: event.id, caseId, baseline: admission }, `baseline: ${admission.outcome.replace(/_/g, ' ')}`);
    }
  }
}
