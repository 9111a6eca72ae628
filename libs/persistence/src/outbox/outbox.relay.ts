import { type Envelope } from '@dhi/contracts';
import { type DataSource } from 'typeorm';
import { LOCK_CLASS } from '../database/advisory-locks.js';
import { qualified, schemaOf } from '../database/schema-name.js';
import { backoffDelay, KeyBackoff } from './backoff.js';
import { describeError, type PersistenceLogger, silentLogger } from '../persistence-logger.js';
import { type EventSink, type OutboxRelayOptions } from './event-sink.js';

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  envelope: Envelope;
  attempts: number;
}

interface PassResult {
  published: number;
  full: boolean;
  failed: boolean;
}

const PURGE_EVERY_MS = 10 * 60_000;

/** Publishes committed outbox rows in order; one active relay per schema (pg advisory lock); marks rows published. */
export class OutboxRelay {
  private readonly schema: string;
  private readonly table: string;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly retentionHours: number;
  private readonly maxBackoffMs: number;
  private readonly logger: PersistenceLogger;
  private readonly keys: KeyBackoff;
  private loop?: Promise<void>;
  private stopping = false;
  private kicked = false;
  private wake?: () => void;
  private failedPasses = 0;
  private nextPurgeAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sink: EventSink,
    options: OutboxRelayOptions = {},
  ) {
    this.schema = schemaOf(dataSource);
    this.table = qualified(this.schema, 'outbox');
    this.intervalMs = options.intervalMs ?? 100;
    this.batchSize = options.batchSize ?? 100;
    this.retentionHours = options.retentionHours ?? 168;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? silentLogger;
    this.keys = new KeyBackoff(options.retryBaseMs ?? 1000, this.maxBackoffMs);
  }

  /** Starts the polling loop; failures back off and retry, rows are never dropped. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Wakes the loop now (call after committing a transaction that enqueued events). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Finishes the current batch, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Number of unpublished rows. */
  async pending(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE published_at IS NULL`,
    );
    return rows[0].n;
  }

  /** Runs one pass now; resolves with the rows published (0 if another relay holds the schema's lock). */
  async publishPending(): Promise<number> {
    return (await this.publishBatch())?.published ?? 0;
  }

  /** Deletes rows published more than retentionHours ago; resolves with how many. */
  async purge(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE published_at < now() - $1 * interval '1 hour'`,
      [this.retentionHours],
    );
    if (deleted > 0) this.logger.info({ deleted, retentionHours: this.retentionHours }, 'purged published outbox rows');
    return deleted;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const delay = await this.tick();
      if (!this.stopping) await this.sleep(delay);
    }
  }

  /** One loop iteration; returns the delay before the next. */
  private async tick(): Promise<number> {
    this.kicked = false;
    try {
      if (Date.now() >= this.nextPurgeAt) {
        this.nextPurgeAt = Date.now() + PURGE_EVERY_MS;
        await this.purge();
      }
      const result = await this.publishBatch();
      if (result?.failed) return backoffDelay(++this.failedPasses, this.intervalMs, this.maxBackoffMs);
      this.failedPasses = 0;
      return result?.full ? 0 : this.intervalMs;
    } catch (error) {
      const retryInMs = backoffDelay(++this.failedPasses, this.intervalMs, this.maxBackoffMs);
      this.logger.error({ schema: this.schema, err: describeError(error), retryInMs }, 'outbox relay pass failed');
      return retryInMs;
    }
  }

  /** Waits; a kick ends the wait unless the relay is backing off after failures, stop always does. */
  private sleep(ms: number): Promise<void> {
    const kickable = this.failedPasses === 0;
    if (ms === 0 || (kickable && this.kicked)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (this.stopping || kickable) done();
      };
    });
  }

  /**
   * One pass inside one transaction holding the schema's relay lock, so a second relay skips instead of
   * publishing the same rows. A crash after publishing and before commit republishes the batch: delivery is
   * at-least-once and consumers dedupe by envelope id.
   */
  private async publishBatch(): Promise<PassResult | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }]: { locked: boolean }[] = await runner.query(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
        [LOCK_CLASS.outboxRelay, this.schema],
      );
      if (!locked) {
        await runner.rollbackTransaction();
        return null;
      }
      const rows: OutboxRow[] = await runner.query(
        `SELECT seq, id, topic, key, envelope, attempts FROM ${this.table}
          WHERE published_at IS NULL AND key <> ALL($1::text[]) ORDER BY seq LIMIT $2`,
        [this.keys.held(Date.now()), this.batchSize],
      );
      const published: string[] = [];
      let failed = false;
      for (const row of rows) {
        if (!(await this.publishRow(runner.query.bind(runner), row))) {
          failed = true;
          break; // later rows may share the key; the next pass skips the held key and goes on with the rest
        }
        published.push(row.seq);
      }
      if (published.length > 0) {
        await runner.query(`UPDATE ${this.table} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [published]);
      }
      await runner.commitTransaction();
      return { published: published.length, full: rows.length === this.batchSize, failed };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async publishRow(query: (sql: string, params: unknown[]) => Promise<unknown>, row: OutboxRow): Promise<boolean> {
    try {
      await this.sink.publish(row.topic, row.envelope);
    } catch (error) {
      const err = describeError(error);
      const retryInMs = this.keys.fail(row.key, Date.now());
      await query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE seq = $1`, [
        row.seq,
        err.slice(0, 4000),
      ]);
      this.logger.warn(
        { eventId: row.id, topic: row.topic, key: row.key, attempts: row.attempts + 1, retryInMs, err },
        'outbox publish failed; holding back its key',
      );
      return false;
    }
    if (row.attempts > 0) {
      this.logger.info({ eventId: row.id, topic: row.topic, attempts: row.attempts + 1 }, 'outbox event published after retries');
    }
    this.keys.succeed(row.key);
    return true;
  }
}
