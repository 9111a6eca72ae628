import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BuildahRun {
  /** The buildah binary (BUILDAH_PATH). */
  command: string;
  /** Global options first (storage), then the subcommand and its arguments. */
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
  /** Every output line, stdout and stderr alike, as it is printed. */
  onLine(line: string): void;
}

export interface BuildahExit {
  code: number | null;
  /** The signal that ended it (SIGKILL when it was aborted). */
  signal: NodeJS.Signals | null;
}

/** The user-facing error when the builder binary is missing: an installation problem, named as such. */
export class BuilderMissing extends Error {
  constructor(command: string) {
    super(`the builder "${command}" is not installed on this build service (install buildah or set BUILDAH_PATH)`);
    this.name = 'BuilderMissing';
  }
}

/**
 * Runs buildah in a process group of its own and streams its output lines; on abort the whole group is killed
 * (buildah's chroot runtime and the RUN step's processes live in it), so a timed-out build leaves nothing running.
 */
export function runBuildah(run: BuildahRun): Promise<BuildahExit> {
  return new Promise((resolve, reject) => {
    if (run.signal.aborted) return reject(run.signal.reason);
    const child = spawn(run.command, run.args, { cwd: run.cwd, env: run.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    run.signal.addEventListener('abort', kill, { once: true });
    const streams = [child.stdout, child.stderr].map((stream) => {
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', (line) => run.onLine(line));
      return new Promise<void>((done) => lines.once('close', () => done()));
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      run.signal.removeEventListener('abort', kill);
      reject(error.code === 'ENOENT' ? new BuilderMissing(run.command) : error);
    });
    child.once('exit', (code, signal) => {
      run.signal.removeEventListener('abort', kill);
      // the RUN step may have left processes in the group behind; none may outlive the build
      kill();
      void Promise.all(streams).then(() => resolve({ code, signal }));
    });
  });
}
