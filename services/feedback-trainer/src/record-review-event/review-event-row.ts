import { type Envelope, type ReviewCompleted, type ReviewDecision, type ReviewOpened } from '@dhi/contracts';
import { type ReviewEvent } from '../domain/review-event.entity.js';

export type IncomingReviewEvent =
  | { type: 'review.opened'; event: Envelope<ReviewOpened> }
  | { type: 'review.decision'; event: Envelope<ReviewDecision> }
  | { type: 'review.completed'; event: Envelope<ReviewCompleted> };

/** The row recorded for a review event: its ids, lineage, verdict and when it happened. */
export function reviewEventRow(incoming: IncomingReviewEvent): Omit<ReviewEvent, 'receivedAt'> {
  const base = { eventId: incoming.event.id, type: incoming.type, buildId: incoming.event.data.buildId, payload: incoming.event.data };
  switch (incoming.type) {
    case 'review.opened': {
      const { data } = incoming.event;
      return { ...base, caseId: data.caseId, lineage: data.lineage, verdict: null, occurredAt: new Date(data.openedAt) };
    }
    case 'review.decision': {
      const { data } = incoming.event;
      return { ...base, caseId: data.caseId, lineage: data.features.lineage, verdict: null, occurredAt: new Date(data.decidedAt) };
    }
    case 'review.completed': {
      const { data } = incoming.event;
      return { ...base, caseId: data.caseId, lineage: data.lineage, verdict: data.verdict, occurredAt: new Date(data.decidedAt) };
    }
  }
}
