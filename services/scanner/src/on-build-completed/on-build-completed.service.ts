import { Inject, Injectable } from '@nestjs/common';
import {
  type BuildCompleted,
  type BuildRef,
  causedBy,
  createEvent,
  type Envelope,
  type Finding,
  type ImageInventory,
  TOPICS,
} from '@dhi/contracts';
import { type EventContext } from '@dhi/messaging';
import { enqueueEvents, handleOnce, type OutboxItem } from '@dhi/persistence';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE } from '../config.js';
import { FindingRecord, toFindingRecord } from '../finding.entity.js';
import { readImageInventory } from '../image/read-image-inventory.js';
import { latestModelVersion } from '../models/latest-model-version.js';
import { ScanRecord } from '../scan.entity.js';
import { SCANNER_VERSION } from '../version.js';
import { summarise } from './scan-result.js';

const SOURCE = 'dhi/scanner';

/** Scans a completed build: reads its image, stores the scan and announces it through the outbox. */
@Injectable()
export class OnBuildCompletedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async scan(event: Envelope<BuildCompleted>, ctx: EventContext): Promise<void> {
    const { buildId } = event.data;
    // a redelivery, or a second build.completed for the same build, must not read the whole image again
    const scanned = await this.dataSource.getRepository(ScanRecord).existsBy({ buildId });
    const inventory = scanned ? null : await readImageInventory(event.data, () => ctx.heartbeat());
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE, eventId: event.id }, (manager) =>
      inventory ? this.store(manager, event, inventory) : Promise.resolve(null),
    );
    if (outcome.duplicate) {
      this.logger.info({ eventId: event.id }, 'duplicate delivery ignored');
    } else if (outcome.result === null) {
      this.logger.info({ eventId: event.id }, 'build already scanned; nothing published');
    } else {
      this.outbox.kick();
      this.logger.info({ eventId: event.id, scanEventId: outcome.result, inventory }, 'build scanned');
    }
  }

  /** Inserts the scan and enqueues its events in the caller's transaction; null when the build was scanned already. */
  private async store(manager: EntityManager, event: Envelope<BuildCompleted>, inventory: ImageInventory): Promise<string | null> {
    const { buildId, name, tag, lineage, submitter, image } = event.data;
    const build: BuildRef = { name, tag, lineage, submitter, imageDigest: image.digest };
    const modelVersion = await latestModelVersion(manager);
    // SBOM, advisories and rules arrive with their own issues; until then a scan reports the inventory and no
    // findings rather than invented ones, and the loops below carry real findings once rules produce them
    const findings: Finding[] = [];
    const packageCount = 0;
    const summary = summarise(findings);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ScanRecord)
      .values({ buildId, ...build, scannerVersion: SCANNER_VERSION, modelVersion, inventory, summary, packageCount })
      .orIgnore()
      .returning('build_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return null;
    if (findings.length > 0) await manager.insert(FindingRecord, findings.map((f) => toFindingRecord(buildId, f)));

    const options = { source: SOURCE, cause: causedBy(event) };
    const completed = createEvent(
      TOPICS.scanCompleted,
      buildId,
      { buildId, build, scannerVersion: SCANNER_VERSION, modelVersion, sbomRef: null, packageCount, inventory, summary, findings },
      options,
    );
    const items: OutboxItem[] = [{ topic: TOPICS.scanCompleted, envelope: completed }];
    for (const finding of findings) {
      items.push({ topic: TOPICS.findings, envelope: createEvent(TOPICS.findings, buildId, { buildId, modelVersion, finding }, options) });
    }
    await enqueueEvents(manager, items);
    return completed.id;
  }
}
