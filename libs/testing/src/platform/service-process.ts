import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pollUntil } from '../poll-until.js';

/** The platform's five services, in start order. */
export const PLATFORM_SERVICES = ['build', 'scanner', 'anomaly-detector', 'review', 'feedback-trainer'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** One compiled service (`dist/services/<name>/src/main.js`) as a child process with its log in a file. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: PlatformService,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    private readonly root: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process and resolves once GET /health/ready answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    const main = path.join(this.root, 'dist/services', this.name, 'src/main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`node tools/build.mjs\` first`);
    const out = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [main], { cwd: this.root, env: { ...this.env, PORT: String(this.port) }, stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let died = false;
    void this.exited.then(() => {
      died = true;
      if (this.child === child) this.child = null;
    });
    await pollUntil(
      async () => {
        if (died) throw new Error(`${this.name} exited during start-up; log tail:\n${this.logTail()}`);
        return ready(this.url);
      },
      { timeoutMs, intervalMs: 200, description: `${this.name} to be ready` },
    );
  }

  /** Sends a signal and waits until the process is gone (SIGKILL simulates a crash, SIGTERM a graceful stop). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
    this.child = null;
  }

  /** The log lines of this process so far, parsed when they are JSON. */
  logLines(): Record<string, unknown>[] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return { unparsed: line };
        }
      });
  }

  logTail(lines = 30): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
  }
}
