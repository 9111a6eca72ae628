import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type StageName, type StageStatus } from './build-status.js';

/** One step of a build's timeline. */
@Entity('build_stages')
export class BuildStage {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @PrimaryColumn({ type: 'text' })
  stage!: StageName;

  /** Display order of the stage in the timeline. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  status!: StageStatus;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
