import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Model } from '../domain/model.entity.js';
import { REVIEW_EVENT_TYPES, type ReviewEventType } from '../domain/review-event.entity.js';
import { type ModelView, modelView } from './model-view.js';

/** What the trainer has to learn from so far. */
export interface TrainingSummary {
  events: number;
  byType: Record<ReviewEventType, number>;
  verdicts: { approved: number; rejected: number };
  cases: number;
  lastEventAt: string | null;
}

export interface ModelsOverview {
  items: ModelView[];
  current: ModelView | null;
  training: TrainingSummary;
}

/** Model versions (newest first), the current published one, and counts of the recorded review events. */
@Injectable()
export class ListModelsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async overview(): Promise<ModelsOverview> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const models = await manager.find(Model, { order: { createdAt: 'DESC', version: 'DESC' } });
      const byType: { type: ReviewEventType; n: number }[] = await manager.query(
        'SELECT type, count(*)::int AS n FROM feedback_trainer.review_events GROUP BY type',
      );
      const [totals]: { events: number; cases: number; approved: number; rejected: number; last: Date | null }[] = await manager.query(
        `SELECT count(*)::int AS events, count(DISTINCT case_id)::int AS cases,
                count(*) FILTER (WHERE type = 'review.completed' AND verdict = 'approved')::int AS approved,
                count(*) FILTER (WHERE type = 'review.completed' AND verdict = 'rejected')::int AS rejected,
                max(occurred_at) AS last
           FROM feedback_trainer.review_events`,
      );
      const counts = Object.fromEntries(REVIEW_EVENT_TYPES.map((t) => [t, byType.find((r) => r.type === t)?.n ?? 0]));
      const current = models.find((m) => m.published);
      return {
        items: models.map(modelView),
        current: current ? modelView(current) : null,
        training: {
          events: totals?.events ?? 0,
          byType: counts as Record<ReviewEventType, number>,
          verdicts: { approved: totals?.approved ?? 0, rejected: totals?.rejected ?? 0 },
          cases: totals?.cases ?? 0,
          lastEventAt: totals?.last?.toISOString() ?? null,
        },
      };
    });
  }
}
