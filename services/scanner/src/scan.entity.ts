import { type ImageInventory, type SeverityCounts } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Column({ name: 'scanned_at', type: 'timestamptz', default: () => 'now()' })
  scannedAt!: Date;
}
