import { Inject, Injectable } from '@nestjs/common';
import {
  type Anomaly,
  type BuildCompleted,
  type BuildRef,
  causedBy,
  createEvent,
  type Envelope,
  type ImageInventory,
  TOPICS,
} from '@dhi/contracts';
import { type EventContext } from '@dhi/messaging';
import { enqueueEvents, handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { AnomalyRecord, toAnomalyRecord } from '../anomaly.entity.js';
import { BaselineRecord } from '../baseline.entity.js';
import { SERVICE } from '../config.js';
import { readImageInventory } from '../image/read-image-inventory.js';
import { latestModelVersion } from '../models/latest-model-version.js';
import { ProfileRecord } from '../profile.entity.js';
import { overallScore, summarise } from './anomaly-result.js';

const SOURCE = 'dhi/anomaly-detector';

/** Profiles a completed build against its lineage's baseline and announces the result through the outbox. */
@Injectable()
export class OnBuildCompletedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async profile(event: Envelope<BuildCompleted>, ctx: EventContext): Promise<void> {
    const { buildId } = event.data;
    // a redelivery, or a second build.completed for the same build, must not read the whole image again
    const profiled = await this.dataSource.getRepository(ProfileRecord).existsBy({ buildId });
    const inventory = profiled ? null : await readImageInventory(event.data, () => ctx.heartbeat());
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE, eventId: event.id }, (manager) =>
      inventory ? this.store(manager, event, inventory) : Promise.resolve(null),
    );
    if (outcome.duplicate) {
      this.logger.info({ eventId: event.id }, 'duplicate delivery ignored');
    } else if (outcome.result === null) {
      this.logger.info({ eventId: event.id }, 'build already profiled; nothing published');
    } else {
      this.outbox.kick();
      this.logger.info({ eventId: event.id, anomalyEventId: outcome.result, inventory }, 'build profiled');
    }
  }

  /** Inserts the profile and enqueues anomaly.completed in the caller's transaction; null when it exists already. */
  private async store(manager: EntityManager, event: Envelope<BuildCompleted>, inventory: ImageInventory): Promise<string | null> {
    const { buildId, name, tag, lineage, submitter, image } = event.data;
    const build: BuildRef = { name, tag, lineage, submitter, imageDigest: image.digest };
    const current = await manager.getRepository(BaselineRecord).findOneBy({ lineage });
    const baseline = { size: current?.size ?? 0, version: current?.version ?? 0 };
    const modelVersion = await latestModelVersion(manager);
    // the comparisons with the baseline arrive with their own issues; until then a build is reported with its
    // inventory and no anomalies rather than invented ones, and the rows below carry real anomalies once they exist
    const anomalies: Anomaly[] = [];
    const score = overallScore(anomalies);
    const summary = summarise(anomalies);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ProfileRecord)
      .values({
        buildId,
        lineage,
        name,
        tag,
        submitter,
        imageDigest: image.digest,
        inventory,
        baselineSize: baseline.size,
        baselineVersion: baseline.version,
        modelVersion,
        score,
        summary,
      })
      .orIgnore()
      .returning('build_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return null;
    if (anomalies.length > 0) await manager.save(AnomalyRecord, anomalies.map((a) => toAnomalyRecord(buildId, a)));

    const completed = createEvent(
      TOPICS.anomalyCompleted,
      buildId,
      { buildId, build, lineage, baseline, modelVersion, score, inventory, summary, anomalies },
      { source: SOURCE, cause: causedBy(event) },
    );
    await enqueueEvents(manager, [{ topic: TOPICS.anomalyCompleted, envelope: completed }]);
    return completed.id;
  }
}
