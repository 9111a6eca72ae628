import { type BuildSource, type LayerDescriptor, type SeverityCounts } from '@dhi/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type BuildStatus } from './build-status.js';

/** What was submitted: an uploaded archive, a Dockerfile context or a registry reference (as in build.requested). */
export type BuildSourceRecord = BuildSource;

export interface PlatformRecord {
  os: string;
  architecture: string;
  variant?: string;
}

/** The reviewer's final word on a build. */
export interface VerdictRecord {
  verdict: 'approved' | 'rejected';
  reviewer: string;
  comment: string;
  decidedAt: string;
  caseId: string;
}

/** One submitted build; the image columns are set once it is stored. */
@Entity('builds')
export class Build {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  lineage!: string;

  @Column({ type: 'text' })
  submitter!: string;

  @Column({ type: 'text' })
  status!: BuildStatus;

  @Column({ type: 'jsonb' })
  source!: BuildSourceRecord;

  /** The Dockerfile text of a Dockerfile build; null for other sources. */
  @Column({ type: 'text', nullable: true })
  dockerfile!: string | null;

  @Column({ name: 'image_digest', type: 'text', nullable: true })
  imageDigest!: string | null;

  @Column({ name: 'config_digest', type: 'text', nullable: true })
  configDigest!: string | null;

  @Column({ name: 'image_media_type', type: 'text', nullable: true })
  imageMediaType!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  layers!: LayerDescriptor[] | null;

  @Column({ type: 'jsonb', nullable: true })
  platform!: PlatformRecord | null;

  /** Finding counts of the latest scan; null until the scanner reported. */
  @Column({ type: 'jsonb', nullable: true })
  findings!: SeverityCounts | null;

  /** Anomaly counts of the latest analysis; null until the anomaly detector reported. */
  @Column({ type: 'jsonb', nullable: true })
  anomalies!: SeverityCounts | null;

  @Column({ type: 'jsonb', nullable: true })
  verdict!: VerdictRecord | null;

  /** The client's Idempotency-Key header; unique, so a retried submission finds the first build. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
