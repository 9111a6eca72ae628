import { Inject, Injectable } from '@nestjs/common';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { buildLinks, type BuildLinks } from '../domain/build-view.js';
import { type BuildStatus } from '../domain/build-status.js';
import { Build } from '../domain/build.entity.js';
import { registerBuild } from './register-build.js';
import { composeRequestedBuildRecord, type RequestedBuild } from './requested-build-record.js';

/** The answer to a submission: 202 with this body, whether the build is new or an Idempotency-Key replay. */
export interface SubmittedBuild {
  id: string;
  status: BuildStatus;
  links: BuildLinks;
}

/** The answer for a stored build. */
export const submittedBuild = (build: Build): SubmittedBuild => ({ id: build.id, status: build.status, links: buildLinks(build.id) });

/**
 * Accepts a build the service runs itself (a Dockerfile context, a registry reference): one transaction stores the
 * build as `received` with build.requested in the outbox; the service's own consumer then queues the job.
 */
@Injectable()
export class QueueBuildService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  /** The build an Idempotency-Key already names, if any (check before reading an upload). */
  async replayed(idempotencyKey: string | null): Promise<SubmittedBuild | null> {
    if (idempotencyKey === null) return null;
    const earlier = await this.dataSource.manager.findOne(Build, { where: { idempotencyKey } });
    if (!earlier) return null;
    this.logger.info({ buildId: earlier.id, idempotencyKey }, 'submission replayed by idempotency key');
    return submittedBuild(earlier);
  }

  async queue(requested: RequestedBuild): Promise<SubmittedBuild> {
    const record = composeRequestedBuildRecord(requested);
    const registration = await this.dataSource.transaction((manager) => registerBuild(manager, record));
    if (!registration.created) {
      this.logger.info({ buildId: registration.build.id, idempotencyKey: requested.idempotencyKey }, 'concurrent submission with the same idempotency key joined');
      return submittedBuild(registration.build);
    }
    this.outbox.kick();
    const { name, tag } = requested.request;
    this.logger.info({ buildId: requested.id, name, tag, source: requested.source.kind }, 'build queued');
    return submittedBuild(registration.build);
  }
}
