import { causedBy, createEvent, type EventCause, TOPICS } from '@dhi/contracts';
import { formatPlatform, type ImportedImage } from '@dhi/image';
import { buildCompletedEvent, EVENT_SOURCE, imageColumns } from '../domain/build-image.js';
import { type BuildLogDraft } from '../domain/build-log.js';
import { BuildStage } from '../domain/build-stage.entity.js';
import { STAGES, type StageName, type StageStatus } from '../domain/build-status.js';
import { Build } from '../domain/build.entity.js';
import { type BuildRecord } from './register-build.js';
import { type SubmitBuildRequest } from './submit-build.request.js';

/** Everything known about an upload once its image is verified and its blobs are committed. */
export interface VerifiedUpload {
  id: string;
  request: SubmitBuildRequest;
  idempotencyKey: string | null;
  imported: ImportedImage;
  bytes: number;
  startedAt: Date;
  receivedAt: Date;
  storedAt: Date;
  log: BuildLogDraft;
  blobsBaseUrl: string;
  cause: EventCause;
}

/** A stage row of a new build. */
export function stage(buildId: string, name: StageName, status: StageStatus, startedAt: Date | null, finishedAt: Date | null, detail: string | null): BuildStage {
  return Object.assign(new BuildStage(), { buildId, stage: name, position: STAGES.indexOf(name), status, startedAt, finishedAt, detail });
}

/**
 * The stored form of a verified upload: the build (analysing, since build.completed goes out with it), its timeline,
 * its log, and the events build.requested and build.completed (the second caused by the first).
 */
export function composeBuildRecord(upload: VerifiedUpload): BuildRecord {
  const { id, request, imported } = upload;
  const now = new Date();
  const source = { kind: 'archive' as const, format: imported.format, size: upload.bytes };

  const build = Object.assign(new Build(), {
    id, ...request, status: 'analysing', source, dockerfile: null,
    ...imageColumns(imported), findings: null, anomalies: null, verdict: null,
    idempotencyKey: upload.idempotencyKey, createdAt: now, updatedAt: now,
  } satisfies Build);

  const stages = [
    stage(id, 'receive', 'done', upload.startedAt, upload.receivedAt, `${upload.bytes} bytes, ${imported.format}`),
    stage(id, 'store', 'done', upload.receivedAt, upload.storedAt, `stored ${imported.manifestDigest}`),
    stage(id, 'scan', 'running', now, null, 'waiting for the scanner'),
    stage(id, 'anomaly', 'running', now, null, 'waiting for the anomaly detector'),
    stage(id, 'review', 'pending', null, null, null),
  ];

  const requested = createEvent(TOPICS.buildRequested, id, { buildId: id, ...request, source }, { source: EVENT_SOURCE, cause: upload.cause });
  const completed = buildCompletedEvent(id, request, imported, { blobsBaseUrl: upload.blobsBaseUrl, dockerfile: null, cause: causedBy(requested) });

  upload.log.add('scan', `analysis requested for ${formatPlatform(imported.platform)} image ${imported.manifestDigest}`);
  return {
    build,
    stages,
    logLines: upload.log.rows(id),
    events: [
      { topic: TOPICS.buildRequested, envelope: requested },
      { topic: TOPICS.buildCompleted, envelope: completed },
    ],
  };
}
