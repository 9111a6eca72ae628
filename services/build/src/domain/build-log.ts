import { type EntityManager } from 'typeorm';
import { BuildLogLine, type LogLevel } from './build-log-line.entity.js';
import { type StageName } from './build-status.js';

interface DraftLine {
  loggedAt: Date;
  stage: StageName;
  level: LogLevel;
  message: string;
}

/**
 * The log of a build being received. The build row only exists once the upload was verified, so lines are kept with
 * the time they happened and written in the transaction that creates the build (a refused upload leaves nothing).
 */
export class BuildLogDraft {
  private readonly lines: DraftLine[] = [];

  add(stage: StageName, message: string, options: { level?: LogLevel; at?: Date } = {}): void {
    this.lines.push({ loggedAt: options.at ?? new Date(), stage, level: options.level ?? 'info', message });
  }

  /** The lines as rows of the given build, numbered from 1. */
  rows(buildId: string): BuildLogLine[] {
    return this.lines.map((line, index) => Object.assign(new BuildLogLine(), { buildId, seq: index + 1, ...line }));
  }
}

/** Appends one line to a stored build's log; the caller holds the build row lock, so numbering cannot race. */
export async function appendLogLine(manager: EntityManager, buildId: string, stage: StageName, message: string, level: LogLevel = 'info'): Promise<void> {
  const [row] = (await manager.query('SELECT coalesce(max(seq), 0) AS last FROM build_log_lines WHERE build_id = $1', [buildId])) as { last: number }[];
  const seq = Number(row?.last ?? 0) + 1;
  await manager.insert(BuildLogLine, { buildId, seq, loggedAt: new Date(), stage, level, message });
}

/** A log line as text: `<ISO time> <stage> <level> <message>`. */
export function formatLogLine(line: Pick<BuildLogLine, 'loggedAt' | 'stage' | 'level' | 'message'>): string {
  return `${line.loggedAt.toISOString()} ${line.stage} ${line.level} ${line.message.replace(/[\r\n]+/g, ' ')}`;
}
