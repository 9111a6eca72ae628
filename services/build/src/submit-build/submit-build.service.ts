import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type EventCause } from '@dhi/contracts';
import { FileBlobStore, importImageArchive, type ImportedImage } from '@dhi/image';
import { InjectLogger, type Logger, OutboxKicker } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { BuildLogDraft } from '../domain/build-log.js';
import { composeBuildRecord } from './build-record.js';
import { toContextProblem } from './context-problem.js';
import { storeContext, type StoredContext } from './context-upload.js';
import { toUploadProblem } from './image-problem.js';
import { type ImageUpload, type ReceivedImage, type UploadFields, type UploadPart } from './multipart-upload.js';
import { QueueBuildService, type SubmittedBuild, submittedBuild } from './queue-build.service.js';
import { registerBuild } from './register-build.js';
import { checkEarlyFields, dockerfilePathOf, parseContextFields, parseSubmitFields } from './submit-build.request.js';

export { type SubmittedBuild } from './queue-build.service.js';

export interface SubmitBuildInput {
  upload: ImageUpload;
  /** Content-Length of the request, for the log. */
  declaredBytes: number | null;
  idempotencyKey?: string;
  submitterHeader?: string;
  cause: EventCause;
}

type Received = { part: 'image'; imported: ImportedImage } | { part: 'context'; context: StoredContext };

/**
 * Accepts a multipart submission: an image archive is imported and verified, then stored with build.completed in one
 * transaction; a build context is checked and stored as a blob, and the build is queued (QueueBuildService).
 */
@Injectable()
export class SubmitBuildService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @Inject(QueueBuildService) private readonly queue: QueueBuildService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async submit(input: SubmitBuildInput): Promise<SubmittedBuild> {
    const key = input.idempotencyKey ?? null;
    // a retry of a finished submission is answered without reading its upload again
    const earlier = await this.queue.replayed(key);
    if (earlier) return earlier;

    const startedAt = new Date();
    const log = new BuildLogDraft();
    const declared = input.declaredBytes === null ? '' : ` (request of ${input.declaredBytes} bytes)`;
    const { fields, received, image } = await input.upload.read((early, stream, part) => this.receive(early, stream, part));
    if (received.part === 'context') return this.queueContextBuild({ ...input, key, startedAt, log, declared, fields, context: received.context, file: image });

    const imported = received.imported;
    const storedAt = new Date();
    const request = this.validateFields(() => parseSubmitFields(fields, input.submitterHeader), imported.manifestDigest);
    log.add('receive', `receiving an image archive upload${declared}`, { at: startedAt });
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
      return submittedBuild(registration.build);
    }
    this.outbox.kick();
    this.logger.info({ buildId: record.build.id, name: request.name, tag: request.tag, imageDigest: imported.manifestDigest }, 'build submitted');
    return submittedBuild(registration.build);
  }

  private async receive(early: UploadFields, stream: Readable, part: UploadPart): Promise<Received> {
    checkEarlyFields(early, part);
    if (part === 'context') {
      const dockerfilePath = dockerfilePathOf(early.dockerfile);
      try {
        return { part, context: await storeContext(stream, this.blobs, this.settings.context, dockerfilePath) };
      } catch (error) {
        throw toContextProblem(error);
      }
    }
    try {
      return { part, imported: await importImageArchive(stream, this.blobs, { limits: this.settings.imageLimits }) };
    } catch (error) {
      throw toUploadProblem(error);
    }
  }

  private queueContextBuild(submission: SubmitBuildInput & {
    key: string | null; startedAt: Date; log: BuildLogDraft; declared: string; fields: UploadFields; context: StoredContext; file: ReceivedImage;
  }): Promise<SubmittedBuild> {
    const { context, log, file } = submission;
    const fields = this.validateFields(() => parseContextFields(submission.fields, submission.submitterHeader, context.dockerfilePath), context.digest);
    const { buildArgs, name, tag, lineage, submitter } = fields;
    log.add('receive', `receiving a build context upload${submission.declared}`, { at: submission.startedAt });
    log.add('receive', `received ${file.bytes} bytes: a ${context.gzip ? 'gzip\'d ' : ''}tar of ${context.entries} entries, stored as ${context.digest}`, { at: file.receivedAt });
    return this.queue.queue({
      id: randomUUID(),
      request: { name, tag, lineage, submitter },
      idempotencyKey: submission.key,
      source: {
        kind: 'dockerfile', contextDigest: context.digest, contextSize: context.size, dockerfilePath: context.dockerfilePath, buildArgs, dockerfile: context.dockerfile,
        dockerignore: context.dockerignore,
      },
      startedAt: submission.startedAt,
      receivedAt: file.receivedAt,
      receiveDetail: `build context of ${file.bytes} bytes, ${context.entries} entries, Dockerfile ${context.dockerfilePath}`,
      log,
      cause: submission.cause,
    });
  }

  private validateFields<T>(parse: () => T, digest: string): T {
    try {
      return parse();
    } catch (error) {
      // the blobs are content-addressed and already committed; unreferenced ones are left to blob retention
      this.logger.info({ digest }, 'fields sent after the file are invalid; the upload is not registered');
      throw error;
    }
  }
}
