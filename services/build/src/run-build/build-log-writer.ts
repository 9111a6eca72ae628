import { type DataSource } from 'typeorm';
import { BuildLogLine, type LogLevel } from '../domain/build-log-line.entity.js';
import { type StageName } from '../domain/build-status.js';

// bounds on what one build may write into the database, however chatty its steps are
const MAX_LINES = 20_000;
const MAX_LINE_CHARS = 4000;
const FLUSH_DELAY_MS = 150;
const FLUSH_BATCH = 200;
const EXCERPT_LINES = 20;

interface Pending {
  loggedAt: Date;
  stage: StageName;
  level: LogLevel;
  message: string;
}

/**
 * The log of a running build: lines are batched and appended under the build's row lock (so numbering stays in step
 * with lines other handlers add), within ~150 ms, so GET /v1/builds/:id/logs shows them while the build runs.
 * The last lines are kept in memory for the failure excerpt.
 */
export class BuildLogWriter {
  private pending: Pending[] = [];
  private readonly tail: string[] = [];
  private written = 0;
  private truncated = false;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private waiting: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly buildId: string,
  ) {}

  /** Adds a line; resolves once it is stored. */
  log(message: string, level: LogLevel = 'info', stage: StageName = 'build'): Promise<void> {
    const text = message.length > MAX_LINE_CHARS ? `${message.slice(0, MAX_LINE_CHARS)}…` : message;
    this.tail.push(text);
    if (this.tail.length > EXCERPT_LINES) this.tail.shift();
    if (this.written + this.pending.length >= MAX_LINES) {
      if (this.truncated) return Promise.resolve();
      this.truncated = true;
      this.pending.push({ loggedAt: new Date(), stage, level: 'warn', message: `log truncated after ${MAX_LINES} lines` });
    } else this.pending.push({ loggedAt: new Date(), stage, level, message: text });
    return this.schedule(this.pending.length >= FLUSH_BATCH ? 0 : FLUSH_DELAY_MS);
  }

  /** The last lines logged (at most 20), for a failure's excerpt. */
  excerpt(): string {
    return this.tail.join('\n');
  }

  /** Stores every pending line. */
  flush(): Promise<void> {
    return this.schedule(0);
  }

  private schedule(delayMs: number): Promise<void> {
    if (!this.waiting) {
      let resolve: () => void = () => undefined;
      let reject: (error: unknown) => void = () => undefined;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      // a caller that does not await a line must not turn a failed write into an unhandled rejection
      promise.catch(() => undefined);
      this.waiting = { promise, resolve, reject };
      this.timer = setTimeout(() => this.fire(), delayMs);
    } else if (delayMs === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.fire(), 0);
    }
    return this.waiting.promise;
  }

  private fire(): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.timer = null;
    if (!waiting) return;
    this.flushing = this.flushing.then(() => this.write()).then(waiting.resolve, waiting.reject);
  }

  private async write(): Promise<void> {
    const lines = this.pending;
    if (lines.length === 0) return;
    this.pending = [];
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM builds WHERE id = $1 FOR UPDATE', [this.buildId]);
      const [row] = (await manager.query('SELECT coalesce(max(seq), 0) AS last FROM build_log_lines WHERE build_id = $1', [this.buildId])) as { last: number }[];
      const first = Number(row?.last ?? 0) + 1;
      await manager.insert(BuildLogLine, lines.map((line, index) => ({ buildId: this.buildId, seq: first + index, ...line })));
    });
    this.written += lines.length;
  }
}
