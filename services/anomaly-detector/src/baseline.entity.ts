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

  /** When an administrator last emptied it, and who; null when it never was. */
  @Column({ name: 'reset_at', type: 'timestamptz', nullable: true })
  resetAt!: Date | null;

  @Column({ name: 'reset_by', type: 'text', nullable: true })
  resetBy!: string | null;
}
