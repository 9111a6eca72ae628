import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { claimJob } from './build-queue.js';
import { RunBuildService } from './run-build.service.js';

// jobs queued by other instances, and jobs whose worker died, are found by polling; local ones wake the loop at once
const POLL_MS = 1000;

/** Runs queued builds, BUILD_CONCURRENCY at a time; on shutdown it interrupts them and puts them back in the queue. */
@Injectable()
export class BuildWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private stopped = false;
  private kicked = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @Inject(RunBuildService) private readonly runner: RunBuildService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.runLoop();
  }

  /** Looks for work now (a job was queued, or a slot freed). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.shutdown.abort(new Error('the build service is shutting down'));
    this.kick();
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  private async runLoop(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false;
      try {
        await this.fillSlots();
      } catch (error) {
        this.logger.error({ err: error }, 'claiming build jobs failed');
      }
      // a kick while the slots were being filled means there may be more to claim already
      if (this.kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async fillSlots(): Promise<void> {
    while (!this.stopped && this.running.size < this.settings.builder.concurrency) {
      const job = await claimJob(this.dataSource, this.settings.builder.leaseSeconds);
      if (!job) return;
      const task: Promise<void> = this.runner
        .run(job, this.shutdown.signal)
        .catch((error: unknown) => this.logger.error({ buildId: job.buildId, err: error }, 'build job crashed'))
        .finally(() => {
          this.running.delete(task);
          this.kick();
        });
      this.running.add(task);
    }
  }
}
