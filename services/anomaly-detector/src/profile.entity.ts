import { type ImageInventory, type SeverityCounts } from '@dhi/contracts';
import { type BuildProfile } from '@dhi/profile';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the detector saw of one build, and the baseline and model it was compared with. */
@Entity({ name: 'profiles' })
export class ProfileRecord {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @Column({ type: 'text' })
  lineage!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  submitter!: string;

  @Column({ name: 'image_digest', type: 'text' })
  imageDigest!: string;

  @Column({ type: 'jsonb' })
  inventory!: ImageInventory;

  @Column({ name: 'baseline_size', type: 'integer' })
  baselineSize!: number;

  @Column({ name: 'baseline_version', type: 'integer' })
  baselineVersion!: number;

  @Column({ name: 'model_version', type: 'text', nullable: true })
  modelVersion!: string | null;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'jsonb' })
  summary!: SeverityCounts;

  /** The build's full profile; null for builds profiled before profiles were kept (they never join a comparison). */
  @Column({ type: 'jsonb', nullable: true })
  profile!: BuildProfile | null;

  /** What the comparison could not do or left out (baseline too small, unorderable versions, rebuild of an approved image). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
