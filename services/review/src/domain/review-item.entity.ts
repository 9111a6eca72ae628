import { type Severity } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type ItemSource, type SignalFeatures } from './signal-features.js';

/** One flag of a case (a scanner finding, an anomaly, or later one a reviewer reports) with its evidence. */
@Entity({ name: 'review_items' })
export class ReviewItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** Order of the item in its case: findings first, then anomalies, as they arrived. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  source!: ItemSource;

  /** The finding's fingerprint or the anomaly's id. */
  @Column({ name: 'ref_id', type: 'text', nullable: true })
  refId!: string | null;

  /** Rule id of a finding, kind of an anomaly. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ type: 'double precision' })
  confidence!: number;

  @Column({ type: 'boolean' })
  suppressed!: boolean;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ type: 'text', nullable: true })
  remediation!: string | null;

  @Column({ type: 'jsonb' })
  evidence!: object;

  @Column({ type: 'jsonb' })
  features!: SignalFeatures;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decision_justification', type: 'text', nullable: true })
  decisionJustification!: string | null;

  @Column({ name: 'decision_expires_at', type: 'timestamptz', nullable: true })
  decisionExpiresAt!: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
