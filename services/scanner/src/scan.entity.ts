import { type ImageInventory, type SeverityCounts } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type ChecksReport } from './on-build-completed/image-checks.js';

/** One scan per build: who the build is, what was read of its image, and with which scanner and model. */
@Entity({ name: 'scans' })
export class ScanRecord {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @Column({ name: 'image_digest', type: 'text' })
  imageDigest!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  lineage!: string;

  @Column({ type: 'text' })
  submitter!: string;

  @Column({ name: 'scanner_version', type: 'text' })
  scannerVersion!: string;

  @Column({ name: 'model_version', type: 'text', nullable: true })
  modelVersion!: string | null;

  @Column({ type: 'jsonb' })
  inventory!: ImageInventory;

  @Column({ type: 'jsonb' })
  summary!: SeverityCounts;

  @Column({ name: 'package_count', type: 'integer' })
  packageCount!: number;

  /** What the checks read and skipped; null for scans from before it was recorded. */
  @Column({ type: 'jsonb', nullable: true })
  report!: ChecksReport | null;

  @Column({ name: 'scanned_at', type: 'timestamptz', default: () => 'now()' })
  scannedAt!: Date;
}
