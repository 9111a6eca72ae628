import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type StageName } from './build-status.js';

export type LogLevel = 'info' | 'warn' | 'error';

/** One line of a build's log, numbered per build. */
@Entity('build_log_lines')
export class BuildLogLine {
  @PrimaryColumn({ name: 'build_id', type: 'uuid' })
  buildId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'logged_at', type: 'timestamptz' })
  loggedAt!: Date;

  @Column({ type: 'text' })
  stage!: StageName;

  @Column({ type: 'text' })
  level!: LogLevel;

  @Column({ type: 'text' })
  message!: string;
}
