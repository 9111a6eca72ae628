import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { BlobRetentionService } from './blob-retention.service.js';

/** Runs blob retention every BLOB_RETENTION_INTERVAL_MINUTES (0: never); a run finishes before the next is timed. */
@Injectable()
export class BlobRetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(BlobRetentionService) private readonly retention: BlobRetentionService,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { intervalMinutes, graceHours } = this.settings.retention;
    if (intervalMinutes === 0) {
      this.logger.info({ blobRetention: 'disabled' }, 'blob retention job disabled (BLOB_RETENTION_INTERVAL_MINUTES=0)');
      return;
    }
    this.logger.info({ intervalMinutes, graceHours }, 'blob retention job scheduled');
    this.schedule(intervalMinutes * 60_000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = null;
        this.schedule(delayMs);
      });
    }, delayMs);
    // a pending run never keeps the process alive on its own
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await this.retention.collect();
      if (!report) this.logger.debug({}, 'blob retention skipped: another run holds the lock');
    } catch (error) {
      // the next interval tries again; blobs kept a little longer are harmless
      this.logger.error({ err: error }, 'blob retention run failed');
    }
  }
}
