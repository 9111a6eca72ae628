import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AnomalyCompleted,
  causedBy,
  createEvent,
  type Envelope,
  ScanCompleted,
  TOPICS,
} from '@dhi/contracts';
import { enqueueEvents, handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE_NAME } from '../config.js';
import { type AnalysisKind } from '../domain/analysis-result.entity.js';
import { AuditEntry } from '../domain/audit-entry.entity.js';
import { caseItems, type NewReviewItem } from '../domain/case-items.js';
import { ReviewItem } from '../domain/review-item.entity.js';

export const EVENT_SOURCE = 'dhi/review';

/** What one analysis event did: recorded and waiting for the other one, opened the case, or nothing new. */
export type RecordOutcome =
  | { outcome: 'waiting'; waitingFor: AnalysisKind }
  | { outcome: 'opened'; caseId: string; itemCount: number }
  | { outcome: 'already-open'; caseId: string }
  | { outcome: 'duplicate' };

type Recorded = Exclude<RecordOutcome, { outcome: 'duplicate' }>;
type AnalysisEvent = Envelope<ScanCompleted> | Envelope<AnomalyCompleted>;

// Rows per INSERT, so a huge scan stays under Postgres's 65535 bind parameters.
const ITEM_CHUNK = 1000;
// First key of the two-key advisory lock: keeps this lock apart from other services' locks on the same build id.
const CASE_LOCK_CLASS = 'dhi.review.open-case';

/** Records scan and anomaly results and opens exactly one review case per build once both are in. */
@Injectable()
export class OpenCaseService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly kicker: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async recordAnalysis(kind: AnalysisKind, event: AnalysisEvent): Promise<RecordOutcome> {
    const handled = await handleOnce(this.dataSource, { consumer: SERVICE_NAME, eventId: event.id }, (manager) =>
      this.record(manager, kind, event),
    );
    if (handled.duplicate) {
      this.logger.info({ eventId: event.id, kind }, 'duplicate analysis event ignored');
      return { outcome: 'duplicate' };
    }
    const result = handled.result;
    if (result.outcome === 'opened') {
      this.kicker.kick();
      this.logger.info({ eventId: event.id, caseId: result.caseId, itemCount: result.itemCount }, 'review case opened');
    } else if (result.outcome === 'waiting') {
      this.logger.info({ eventId: event.id, kind, waitingFor: result.waitingFor }, 'analysis recorded, waiting for the other');
    } else {
      this.logger.info({ eventId: event.id, kind, caseId: result.caseId }, 'analysis recorded, case already open');
    }
    return result;
  }

  private async record(manager: EntityManager, kind: AnalysisKind, event: AnalysisEvent): Promise<Recorded> {
    const buildId = event.data.buildId;
    // Without this lock two transactions handling the scan and the anomaly result of one build at the same time
    // would each miss the other's uncommitted row under READ COMMITTED, and no case would ever open.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [CASE_LOCK_CLASS, buildId]);
    await manager.query(
      `INSERT INTO review.analysis_results (build_id, kind, event_id, payload, received_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (build_id, kind) DO UPDATE SET event_id = EXCLUDED.event_id, payload = EXCLUDED.payload, received_at = now()`,
      [buildId, kind, event.id, JSON.stringify(event.data)],
    );
    const existing: { id: string }[] = await manager.query('SELECT id FROM review.review_cases WHERE build_id = $1', [buildId]);
    if (existing[0]) return { outcome: 'already-open', caseId: existing[0].id };
    const rows: { kind: AnalysisKind; payload: unknown }[] = await manager.query(
      'SELECT kind, payload FROM review.analysis_results WHERE build_id = $1',
      [buildId],
    );
    const scanRow = rows.find((r) => r.kind === 'scan');
    const anomalyRow = rows.find((r) => r.kind === 'anomaly');
    if (!scanRow) return { outcome: 'waiting', waitingFor: 'scan' };
    if (!anomalyRow) return { outcome: 'waiting', waitingFor: 'anomaly' };
    return this.openCase(manager, ScanCompleted.parse(scanRow.payload), AnomalyCompleted.parse(anomalyRow.payload), event);
  }

  private async openCase(
    manager: EntityManager,
    scan: ScanCompleted,
    anomaly: AnomalyCompleted,
    cause: AnalysisEvent,
  ): Promise<Recorded> {
    const caseId = randomUUID();
    const openedAt = new Date();
    const { build } = scan;
    await manager.query(
      `INSERT INTO review.review_cases (id, build_id, name, tag, lineage, submitter, image_digest, status, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)`,
      [caseId, scan.buildId, build.name, build.tag, build.lineage, build.submitter, build.imageDigest, openedAt],
    );
    const items = caseItems(caseId, scan, anomaly);
    await insertItems(manager, items);
    await manager.insert(AuditEntry, {
      caseId,
      buildId: scan.buildId,
      actor: 'system',
      action: 'case.opened',
      detail: {
        trigger: { type: cause.type, eventId: cause.id },
        itemCount: items.length,
        findings: scan.findings.length,
        anomalies: anomaly.anomalies.length,
      },
      at: openedAt,
    });
    const opened = createEvent(
      TOPICS.reviewOpened,
      scan.buildId,
      {
        caseId,
        buildId: scan.buildId,
        lineage: build.lineage,
        openedAt: openedAt.toISOString(),
        itemCount: items.length,
        items: items.map((i) => ({ itemId: i.id, source: i.source, features: i.features })),
      },
      { source: EVENT_SOURCE, cause: causedBy(cause) },
    );
    await enqueueEvents(manager, [{ topic: TOPICS.reviewOpened, envelope: opened }]);
    return { outcome: 'opened', caseId, itemCount: items.length };
  }
}

async function insertItems(manager: EntityManager, items: NewReviewItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += ITEM_CHUNK) {
    await manager.insert(ReviewItem, items.slice(start, start + ITEM_CHUNK));
  }
}
