import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An approved build in its lineage's baseline window. */
@Entity({ name: 'baseline_members' })
export class BaselineMemberRecord {
  @PrimaryColumn({ type: 'text' })
  lineage!: string;

  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @Column({ name: 'approved_at', type: 'timestamptz' })
  approvedAt!: Date;
}
