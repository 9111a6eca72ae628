import { type Finding } from '@dhi/contracts';
import { Column, Entity, type EntityManager, PrimaryColumn } from 'typeorm';

/** A finding of one scan; `id` is the finding's stable fingerprint, unique within the build. */
@Entity({ name: 'findings' })
export class FindingRecord {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId!: string;

  @Column({ type: 'text' })
  category!: Finding['category'];

  @Column({ type: 'text' })
  severity!: Finding['severity'];

  @Column({ type: 'double precision' })
  confidence!: number;

  @Column({ type: 'boolean' })
  suppressed!: boolean;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  evidence!: Finding['evidence'];

  @Column({ type: 'text' })
  remediation!: string;

  @Column({ type: 'text', nullable: true })
  patch!: string | null;

  /** `resolved` once a later advisory change cleared it; resolved findings stay stored. */
  @Column({ type: 'text', default: 'open' })
  status!: FindingStatus;

  @Column({ name: 'detected_at', type: 'timestamptz', default: () => 'now()' })
  detectedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

export type FindingStatus = 'open' | 'resolved';

/** The finding as the API and the events carry it. */
export function toFinding(record: FindingRecord): Finding {
  const { id, ruleId, category, severity, confidence, suppressed, title, evidence, remediation, patch } = record;
  return { id, ruleId, category, severity, confidence, suppressed, title, evidence, remediation, patch };
}

/** The row of a finding of a build. */
export function toFindingRecord(buildId: string, finding: Finding): FindingRecord {
  return Object.assign(new FindingRecord(), { buildId, ...finding });
}

// a statement's worth of rows: each row binds ~14 parameters and Postgres allows 65,535
const INSERT_CHUNK = 1_000;

/** Inserts findings in statements small enough for Postgres' parameter limit (an image can have thousands). */
export async function insertFindings(manager: EntityManager, records: readonly FindingRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += INSERT_CHUNK) await manager.insert(FindingRecord, records.slice(start, start + INSERT_CHUNK));
}
