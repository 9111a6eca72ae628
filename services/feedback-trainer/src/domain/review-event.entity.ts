import { type Verdict } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REVIEW_EVENT_TYPES = ['review.opened', 'review.decision', 'review.completed'] as const;
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];

/** One review event as received: the raw material of training. */
@Entity({ name: 'review_events' })
export class ReviewEvent {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: ReviewEventType;

  @Column({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  lineage!: string;

  @Column({ type: 'text', nullable: true })
  verdict!: Verdict | null;

  @Column({ type: 'jsonb' })
  payload!: object;

  /** When it happened (openedAt / decidedAt of the payload). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
