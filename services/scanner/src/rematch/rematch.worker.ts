import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { REMATCH_SETTINGS, type RematchSettings, SCHEMA } from '../config.js';
import { rematchBuild } from './rematch-build.js';
import { claimChangedKeys } from './rematch-queue.js';

// keys per claim: one statement joins them with every stored build's keys
const KEYS_PER_CLAIM = 5_000;

const NEXT_BUILD = `SELECT build_id, advisory_ids FROM "${SCHEMA}"."rematch_builds" ORDER BY requested_at, build_id LIMIT 1 FOR UPDATE SKIP LOCKED`;
const DONE = `DELETE FROM "${SCHEMA}"."rematch_builds" WHERE build_id = $1`;

/**
 * Applies advisory changes to builds scanned earlier: claims the keys imports queued, then re-matches each concerned
 * build in its own transaction (its findings, counts and events together), so a crash at any point loses nothing and
 * publishes nothing twice. Runs every REMATCH_INTERVAL_MS and whenever an import through the API asks.
 */
@Injectable()
export class RematchWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @Inject(REMATCH_SETTINGS) private readonly settings: RematchSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.pass().finally(() => {
      this.running = null;
      const delay = this.again ? 0 : this.settings.intervalMs;
      this.again = false;
      if (this.stopped) return;
      this.timer = setTimeout(() => this.kick(), delay);
      this.timer.unref();
    });
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        const claimed = await this.dataSource.transaction((manager) => claimChangedKeys(manager, KEYS_PER_CLAIM));
        if (claimed.keys > 0) this.logger.info(claimed, 'advisory changes claimed for re-matching');
        if (claimed.keys < KEYS_PER_CLAIM) break;
      }
      while (!this.stopped && (await this.rematchNext()));
    } catch (error) {
      // the queues are durable: the next pass picks up where this one failed
      this.logger.error({ err: error }, 're-matching pass failed');
    }
  }

  private async rematchNext(): Promise<boolean> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [next]: { build_id: string; advisory_ids: string[] }[] = await manager.query(NEXT_BUILD);
      if (!next) return null;
      const result = await rematchBuild(manager, next.build_id, next.advisory_ids);
      await manager.query(DONE, [next.build_id]);
      return { buildId: next.build_id, advisoryIds: next.advisory_ids.length, result };
    });
    if (!outcome) return false;
    const { buildId, advisoryIds, result } = outcome;
    if (result && result.detected + result.updated + result.resolved > 0) {
      this.outbox.kick();
      this.logger.info({ buildId, advisoryIds, ...result }, 'build re-matched: findings changed');
    } else {
      this.logger.debug({ buildId, advisoryIds }, 'build re-matched: nothing changed');
    }
    return true;
  }
}
