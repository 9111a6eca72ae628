import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A lineage's baseline: bumped to a new version each time an approved build joins it. */
@Entity({ name: 'baselines' })
export class BaselineRecord {
  @PrimaryColumn({ type: 'text' })
  lineage!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
