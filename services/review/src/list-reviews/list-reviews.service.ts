import { Inject, Injectable } from '@nestjs/common';
import { cursorAtSql, decodeCursor, encodeCursor, isUuid } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { type CaseSummaryView } from '../domain/case-views.js';
import { type ListReviewsQuery } from './list-reviews.request.js';

export interface ReviewPage {
  items: CaseSummaryView[];
  nextCursor: string | null;
}

interface CaseRow extends Omit<CaseSummaryView, 'openedAt' | 'closedAt'> {
  openedAt: Date;
  closedAt: Date | null;
  cursorAt: string;
}

/** Review cases, newest first, filtered by status and build, one cursor page at a time. */
@Injectable()
export class ListReviewsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(query: ListReviewsQuery): Promise<ReviewPage> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, isUuid);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.build_id AS "buildId", c.name, c.tag, c.lineage, c.submitter, c.image_digest AS "imageDigest",
              c.status, c.verdict, c.reviewer, c.comment, c.opened_at AS "openedAt", c.closed_at AS "closedAt",
              (SELECT count(*)::int FROM review.review_items i WHERE i.case_id = c.id) AS "itemCount",
              ${cursorAtSql('c.opened_at')} AS "cursorAt"
         FROM review.review_cases c
        WHERE ($1::text IS NULL OR c.status = $1)
          AND ($2::uuid IS NULL OR c.build_id = $2)
          AND ($3::timestamptz IS NULL OR (c.opened_at, c.id) < ($3::timestamptz, $4::uuid))
        ORDER BY c.opened_at DESC, c.id DESC
        LIMIT $5`,
      [query.status ?? null, query.buildId ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ cursorAt: _cursorAt, ...row }) => ({
        ...row,
        openedAt: row.openedAt.toISOString(),
        closedAt: row.closedAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  }
}
