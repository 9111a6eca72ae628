import { Inject, Injectable } from '@nestjs/common';
import { type BuildRequested, type Envelope } from '@dhi/contracts';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE_NAME } from '../config.js';
import { appendLogLine } from '../domain/build-log.js';
import { Build } from '../domain/build.entity.js';
import { enqueueJob, jobsAhead, refreshQueuePositions } from '../run-build/build-queue.js';
import { BuildWorker } from '../run-build/build-worker.service.js';

type Outcome = 'queued' | 'already_queued' | 'unknown_build' | 'not_queued';

/**
 * The service's own build.requested: a Dockerfile or registry build becomes a job in the database-backed queue (the
 * handler only inserts it, so a long build never holds the partition). Uploads were stored synchronously: nothing to do.
 */
@Injectable()
export class OnBuildRequestedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BuildWorker) private readonly worker: BuildWorker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async queue(event: Envelope<BuildRequested>): Promise<void> {
    const { buildId, source } = event.data;
    const ids = { eventId: event.id, buildId, source: source.kind };
    if (source.kind === 'archive') return void this.logger.debug(ids, 'build.requested of an upload: already stored');
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE_NAME, eventId: event.id }, (manager): Promise<Outcome> => this.enqueue(manager, event));
    if (outcome.duplicate) return void this.logger.info(ids, 'duplicate event ignored');
    if (outcome.result === 'unknown_build') return void this.logger.warn(ids, 'build.requested for an unknown build ignored');
    this.logger.info({ ...ids, outcome: outcome.result }, 'build job queued');
    this.worker.kick();
  }

  private async enqueue(manager: EntityManager, event: Envelope<BuildRequested>): Promise<Outcome> {
    const build = await manager.findOne(Build, { where: { id: event.data.buildId }, lock: { mode: 'pessimistic_write' } });
    if (!build) return 'unknown_build';
    // a build that already left `received` was queued before (e.g. the event was replayed from another offset)
    if (build.status !== 'received') return 'not_queued';
    if (!(await enqueueJob(manager, event))) return 'already_queued';
    await refreshQueuePositions(manager);
    await appendLogLine(manager, build.id, 'build', `queued, ${await jobsAhead(manager, build.id)} ahead`);
    return 'queued';
  }
}
