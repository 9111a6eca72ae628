import { Inject, Injectable } from '@nestjs/common';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../config.js';
import { type IncomingReviewEvent, reviewEventRow } from './review-event-row.js';

/** Records every review event once, as training material. */
@Injectable()
export class RecordReviewEventService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async record(incoming: IncomingReviewEvent): Promise<'recorded' | 'duplicate'> {
    const row = reviewEventRow(incoming);
    const handled = await handleOnce(this.dataSource, { consumer: SERVICE_NAME, eventId: row.eventId }, async (manager) => {
      await manager.query(
        `INSERT INTO feedback_trainer.review_events (event_id, type, build_id, case_id, lineage, verdict, payload, occurred_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, now())`,
        [row.eventId, row.type, row.buildId, row.caseId, row.lineage, row.verdict, JSON.stringify(row.payload), row.occurredAt],
      );
    });
    const outcome = handled.duplicate ? 'duplicate' : 'recorded';
    this.logger.info({ eventId: row.eventId, type: row.type, caseId: row.caseId }, `review event ${outcome}`);
    return outcome;
  }
}
