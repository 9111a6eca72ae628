import { Inject, Injectable } from '@nestjs/common';
import { cursorAtSql, decodeCursor, encodeCursor } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { type ReviewEventType } from '../domain/review-event.entity.js';
import { type ListReviewEventsQuery } from './list-review-events.request.js';

export interface ReviewEventView {
  eventId: string;
  type: ReviewEventType;
  buildId: string;
  caseId: string;
  lineage: string;
  verdict: string | null;
  payload: object;
  occurredAt: string;
  receivedAt: string;
}

export interface ReviewEventPage {
  items: ReviewEventView[];
  nextCursor: string | null;
}

interface Row extends Omit<ReviewEventView, 'occurredAt' | 'receivedAt'> {
  occurredAt: Date;
  receivedAt: Date;
  cursorAt: string;
}

/** The recorded review events, newest first, optionally of one build, one cursor page at a time. */
@Injectable()
export class ListReviewEventsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(query: ListReviewEventsQuery): Promise<ReviewEventPage> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const rows: Row[] = await this.dataSource.query(
      `SELECT event_id AS "eventId", type, build_id AS "buildId", case_id AS "caseId", lineage, verdict, payload,
              occurred_at AS "occurredAt", received_at AS "receivedAt", ${cursorAtSql('received_at')} AS "cursorAt"
         FROM feedback_trainer.review_events
        WHERE ($1::uuid IS NULL OR build_id = $1)
          AND ($2::timestamptz IS NULL OR (received_at, event_id) < ($2::timestamptz, $3::text))
        ORDER BY received_at DESC, event_id DESC
        LIMIT $4`,
      [query.buildId ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ cursorAt: _cursorAt, ...row }) => ({
        ...row,
        occurredAt: row.occurredAt.toISOString(),
        receivedAt: row.receivedAt.toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.eventId }) : null,
    };
  }
}
