import { Inject, Injectable } from '@nestjs/common';
import { type BuildSource } from '@dhi/contracts';
import { isImageError } from '@dhi/image';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { BUILD_EXECUTORS, BuildFailure, type BuildExecutor, BuildTimeout, isBuildFailure } from './build-executor.js';
import { BuildLogWriter } from './build-log-writer.js';
import { recordBuildFailed, recordBuildStarted, recordBuildStored } from './build-outcome.js';
import { type ClaimedJob, extendLease, refreshQueuePositions, releaseJob } from './build-queue.js';

// a job whose workers keep dying (crash, OOM kill) is failed instead of taking the service down again and again
const MAX_ATTEMPTS = 3;

class LeaseLost extends Error {
  constructor() {
    super('the job lease was lost to another worker');
  }
}

function describeSource(source: BuildSource): string {
  if (source.kind === 'dockerfile') return `building ${source.dockerfilePath} with buildah`;
  if (source.kind === 'registry') return `pulling ${source.reference}`;
  return `importing a ${source.format}`;
}

/** Runs one claimed job: marks it building, runs its executor under a timeout and a lease, records the outcome. */
@Injectable()
export class RunBuildService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @Inject(BUILD_EXECUTORS) private readonly executors: BuildExecutor[],
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async run(job: ClaimedJob, shutdown: AbortSignal): Promise<void> {
    const { buildId } = job;
    const source = job.request.data.source;
    const { timeoutSeconds, leaseSeconds } = this.settings.builder;
    const log = new BuildLogWriter(this.dataSource, buildId);
    const timeout = new AbortController();
    const leaseLost = new AbortController();
    const signal = AbortSignal.any([timeout.signal, leaseLost.signal, shutdown]);
    const heartbeat = async (): Promise<void> => {
      if (!(await extendLease(this.dataSource, job, leaseSeconds))) leaseLost.abort(new LeaseLost());
    };
    const timer = setTimeout(() => timeout.abort(new BuildTimeout(timeoutSeconds)), timeoutSeconds * 1000);
    const beat = setInterval(() => void heartbeat().catch((error: unknown) => this.logger.warn({ buildId, err: error }, 'lease heartbeat failed')), (leaseSeconds * 1000) / 3);
    const startedAt = new Date();
    try {
      await this.dataSource.transaction(async (manager) => {
        await recordBuildStarted(manager, job, describeSource(source));
        await refreshQueuePositions(manager);
      });
      this.logger.info({ buildId, source: source.kind, attempt: job.attempts }, 'build started');
      if (job.attempts > MAX_ATTEMPTS) {
        throw new BuildFailure({ stage: 'build', reason: `the builder stopped ${MAX_ATTEMPTS} times while running this build; it is not tried again` });
      }
      const executor = this.executors.find((candidate) => candidate.kind === source.kind);
      if (!executor) throw new BuildFailure({ stage: 'build', reason: `this build service has no builder for ${source.kind} sources` });
      const imported = await executor.execute({
        buildId, name: job.request.data.name, tag: job.request.data.tag, source, signal, heartbeat,
        log: (line, level) => log.log(line, level),
      });
      const builtAt = new Date();
      await log.flush();
      const stored = await this.dataSource.transaction((manager) =>
        recordBuildStored(manager, job, { imported, startedAt, builtAt, blobsBaseUrl: this.settings.blobsBaseUrl }),
      );
      this.logger.info({ buildId, imageDigest: imported.manifestDigest, stored }, stored ? 'build stored' : 'build finished after its claim was lost; outcome dropped');
    } catch (error) {
      await this.recordError(job, error, { timeout: timeout.signal, leaseLost: leaseLost.signal, shutdown }, log);
    } finally {
      clearTimeout(timer);
      clearInterval(beat);
      this.outbox.kick();
    }
  }

  private async recordError(job: ClaimedJob, error: unknown, signals: Record<'timeout' | 'leaseLost' | 'shutdown', AbortSignal>, log: BuildLogWriter): Promise<void> {
    const { buildId } = job;
    await log.flush().catch((flushError: unknown) => this.logger.warn({ buildId, err: flushError }, 'build log lines lost'));
    if (signals.leaseLost.aborted) {
      this.logger.warn({ buildId }, 'build abandoned: its lease was taken over');
      return;
    }
    if (signals.shutdown.aborted && !signals.timeout.aborted) {
      await releaseJob(this.dataSource, job);
      this.logger.info({ buildId }, 'build interrupted by shutdown; queued again');
      return;
    }
    const failure = this.failureOf(error, signals.timeout, buildId);
    const withExcerpt = failure.excerpt ? failure : new BuildFailure({ stage: failure.stage, reason: failure.reason, excerpt: log.excerpt() || undefined });
    const recorded = await this.dataSource.transaction((manager) => recordBuildFailed(manager, job, withExcerpt));
    this.logger.info({ buildId, stage: failure.stage, reason: failure.reason, recorded }, 'build failed');
  }

  private failureOf(error: unknown, timeout: AbortSignal, buildId: string): BuildFailure {
    if (isBuildFailure(error)) return error;
    if (timeout.aborted) return new BuildFailure({ stage: 'build', reason: (timeout.reason as BuildTimeout).message });
    // the executor's image did not pass the same verification as an upload
    if (isImageError(error)) return new BuildFailure({ stage: 'store', reason: `the built image was refused: ${error.message}` });
    this.logger.error({ buildId, err: error }, 'build failed unexpectedly');
    return new BuildFailure({ stage: 'build', reason: 'the builder failed unexpectedly; see the service log' });
  }
}
