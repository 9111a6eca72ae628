import { setTimeout as sleep } from 'node:timers/promises';
import { type DataSource, MoreThan } from 'typeorm';
import { BuildLogLine } from '../domain/build-log-line.entity.js';
import { formatLogLine } from '../domain/build-log.js';
import { type BuildStatus } from '../domain/build-status.js';
import { Build } from '../domain/build.entity.js';

export interface FollowOptions {
  /** How often the database is asked for new lines. */
  pollMs: number;
  /** The stream ends after this long even if the build is still running (the client may reconnect). */
  maxDurationMs: number;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

// the log stops growing once the build stage is over (stored, failed, or any later status)
const BUILD_STAGE_RUNNING: ReadonlySet<BuildStatus> = new Set(['received', 'building']);

/** Whether a build of this status can still add lines to its build log. */
export const isLogGrowing = (status: BuildStatus): boolean => BUILD_STAGE_RUNNING.has(status);

/**
 * Yields the build's log lines as text, then each new line as it is stored, until the build stage is over, the time
 * is up, or the signal aborts. The status is read before the lines in every round: once it says the stage is over,
 * the lines read after it include every line written up to that change.
 */
export async function* followBuildLog(dataSource: DataSource, buildId: string, options: FollowOptions): AsyncGenerator<string> {
  const deadline = Date.now() + options.maxDurationMs;
  let lastSeq = 0;
  while (!options.signal.aborted) {
    const build = await dataSource.manager.findOne(Build, { where: { id: buildId }, select: { id: true, status: true } });
    const lines = await dataSource.manager.find(BuildLogLine, { where: { buildId, seq: MoreThan(lastSeq) }, order: { seq: 'ASC' } });
    if (lines.length > 0) {
      lastSeq = lines[lines.length - 1]!.seq;
      yield lines.map((line) => `${formatLogLine(line)}\n`).join('');
    }
    if (!build || !isLogGrowing(build.status) || Date.now() >= deadline) return;
    try {
      await sleep(Math.min(options.pollMs, Math.max(0, deadline - Date.now())), undefined, { signal: options.signal });
    } catch {
      return; // aborted: the client is gone
    }
  }
}
