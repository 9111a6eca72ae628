import { type Verdict } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseStatus = 'open' | 'closed';

/** One build under human review; exactly one per build (build_id is unique). */
@Entity({ name: 'review_cases' })
export class ReviewCase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'build_id', type: 'uuid', unique: true })
  buildId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  lineage!: string;

  @Column({ type: 'text' })
  submitter!: string;

  @Column({ name: 'image_digest', type: 'text' })
  imageDigest!: string;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'text', nullable: true })
  verdict!: Verdict | null;

  @Column({ type: 'text', nullable: true })
  reviewer!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
