import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BuildJobState = 'queued' | 'running';

/**
 * A queued or running build (Dockerfile or registry source). Workers claim rows with FOR UPDATE SKIP LOCKED and hold
 * them by a lease they keep extending; the row is deleted in the transaction that records the build's outcome.
 */
@Entity('build_jobs')
export class BuildJob {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  /** The build.requested event that queued it (envelope), so the outcome events name their cause. */
  @Column({ type: 'jsonb' })
  request!: Record<string, unknown>;

  @Column({ type: 'text' })
  state!: BuildJobState;

  /** How many times a worker claimed it; a job whose workers keep dying is failed, not run forever. */
  @Column({ type: 'integer' })
  attempts!: number;

  /** Identifies the current claim; a worker whose lease was taken over cannot record an outcome. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;
}
