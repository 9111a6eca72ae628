import { type Finding } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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
}

/** The finding as the API and the events carry it. */
export function toFinding(record: FindingRecord): Finding {
  const { buildId: _buildId, ...finding } = record;
  return finding;
}

/** The row of a finding of a build. */
export function toFindingRecord(buildId: string, finding: Finding): FindingRecord {
  return Object.assign(new FindingRecord(), { buildId, ...finding });
}
