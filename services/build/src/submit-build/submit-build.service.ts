import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type EventCause } from '@dhi/contracts';
import { FileBlobStore, importImageArchive, type ImportedImage } from '@dhi/image';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { BuildLogDraft } from '../domain/build-log.js';
import { type BuildStatus } from '../domain/build-status.js';
import { buildLinks, type BuildLinks } from '../domain/build-view.js';
import { Build } from '../domain/build.entity.js';
import { composeBuildRecord } from './build-record.js';
import { toUploadProblem } from './image-problem.js';
import { type ImageUpload, type UploadFields } from './multipart-upload.js';
import { registerBuild } from './register-build.js';
import { checkEarlyFields, parseSubmitFields, type SubmitBuildRequest } from './submit-build.request.js';

export interface SubmitBuildInput {
  upload: ImageUpload;
  /** Content-Length of the request, for the log. */
  declaredBytes: number | null;
  idempotencyKey?: string;
  submitterHeader?: string;
  cause: EventCause;
}

/** The answer to a submission: 202 with this body, whether the build is new or an Idempotency-Key replay. */
export interface SubmittedBuild {
  id: string;
  status: BuildStatus;
  links: BuildLinks;
}

const answer = (build: Build): SubmittedBuild => ({ id: build.id, status: build.status, links: buildLinks(build.id) });

/** Accepts an uploaded image archive as a new build: import and verify, then one transaction, then publish. */
@Injectable()
export class SubmitBuildService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async submit(input: SubmitBuildInput): Promise<SubmittedBuild> {
    const key = input.idempotencyKey ?? null;
    // a retry of a finished submission is answered without reading its upload again
    const earlier = key === null ? null : await this.dataSource.manager.findOne(Build, { where: { idempotencyKey: key } });
    if (earlier) {
      this.logger.info({ buildId: earlier.id, idempotencyKey: key }, 'submission replayed by idempotency key');
      return answer(earlier);
    }

    const startedAt = new Date();
    const log = new BuildLogDraft();
    log.add('receive', `receiving an image archive upload${input.declaredBytes === null ? '' : ` (request of ${input.declaredBytes} bytes)`}`);
    const { fields, received: imported, image } = await input.upload.read((early, stream) => this.importImage(early, stream));
    const storedAt = new Date();
    const request = this.validateFields(fields, input.submitterHeader, imported);

    log.add('receive', `received ${image.bytes} bytes: a ${imported.format}`, { at: image.receivedAt });
    log.add('store', `verified ${imported.layers.length} layers against the config's diff ids, config ${imported.configDigest}`, { at: storedAt });
    log.add('store', `stored manifest ${imported.manifestDigest} with its config and layers`, { at: storedAt });
    const record = composeBuildRecord({
      id: randomUUID(), request, idempotencyKey: key, imported, bytes: image.bytes,
      startedAt, receivedAt: image.receivedAt, storedAt, log, blobsBaseUrl: this.settings.blobsBaseUrl, cause: input.cause,
    });
    const registration = await this.dataSource.transaction((manager) => registerBuild(manager, record));
    if (!registration.created) {
      this.logger.info({ buildId: registration.build.id, idempotencyKey: key }, 'concurrent submission with the same idempotency key joined');
      return answer(registration.build);
    }
    this.outbox.kick();
    this.logger.info({ buildId: record.build.id, name: request.name, tag: request.tag, imageDigest: imported.manifestDigest }, 'build submitted');
    return answer(registration.build);
  }

  private async importImage(early: UploadFields, stream: Readable): Promise<ImportedImage> {
    checkEarlyFields(early);
    try {
      return await importImageArchive(stream, this.blobs, { limits: this.settings.imageLimits });
    } catch (error) {
      throw toUploadProblem(error);
    }
  }

  private validateFields(fields: UploadFields, submitterHeader: string | undefined, imported: ImportedImage): SubmitBuildRequest {
    try {
      return parseSubmitFields(fields, submitterHeader);
    } catch (error) {
      // the blobs are content-addressed and already committed; unreferenced ones are left to blob retention
      this.logger.info({ imageDigest: imported.manifestDigest }, 'fields sent after the image are invalid; the import is not registered');
      throw error;
    }
  }
}
