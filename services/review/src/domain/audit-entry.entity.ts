import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditAction = 'case.opened' | 'case.verdict';

/** One line of a case's audit trail; the table refuses updates and deletes (see its migration). */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  // bigint comes back from pg as a string, which keeps values above 2^53 exact
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  /** Who acted: a reviewer's identity, or `system` for what the service did on its own. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
