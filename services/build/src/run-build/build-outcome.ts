import { causedBy, createEvent, TOPICS } from '@dhi/contracts';
import { formatPlatform, type ImportedImage } from '@dhi/image';
import { enqueueEvents } from '@dhi/persistence';
import { type EntityManager } from 'typeorm';
import { buildCompletedEvent, EVENT_SOURCE, imageColumns } from '../domain/build-image.js';
import { appendLogLine } from '../domain/build-log.js';
import { BuildStage } from '../domain/build-stage.entity.js';
import { type StageName, type StageStatus } from '../domain/build-status.js';
import { Build } from '../domain/build.entity.js';
import { type BuildFailure } from './build-executor.js';
import { type ClaimedJob, takeJob } from './build-queue.js';

async function setStage(manager: EntityManager, buildId: string, stage: StageName, status: StageStatus, detail: string | null, times: { startedAt?: Date; finishedAt?: Date | null }): Promise<void> {
  await manager.update(BuildStage, { buildId, stage }, { status, detail, ...times });
}

/** Locks the build of a job and takes the job off the queue; null when the claim is no longer this worker's. */
async function lockForOutcome(manager: EntityManager, job: ClaimedJob): Promise<Build | null> {
  const build = await manager.findOne(Build, { where: { id: job.buildId }, lock: { mode: 'pessimistic_write' } });
  if (!build || !(await takeJob(manager, job))) return null;
  return build;
}

/** Marks a claimed job's build as building: status, the `build` stage running, a log line. */
export async function recordBuildStarted(manager: EntityManager, job: ClaimedJob, detail: string): Promise<void> {
  const now = new Date();
  const build = await manager.findOne(Build, { where: { id: job.buildId }, lock: { mode: 'pessimistic_write' } });
  if (!build) return;
  if (build.status === 'received') await manager.update(Build, { id: build.id }, { status: 'building', updatedAt: now });
  await setStage(manager, build.id, 'build', 'running', detail, { startedAt: now, finishedAt: null });
  const attempt = job.attempts > 1 ? ` (attempt ${job.attempts}: the previous worker stopped)` : '';
  await appendLogLine(manager, build.id, 'build', `${detail}${attempt}`);
}

export interface StoredOutcome {
  imported: ImportedImage;
  startedAt: Date;
  builtAt: Date;
  blobsBaseUrl: string;
}

/**
 * The built image is stored: the same end as an upload (build.completed, analysis starts), in one transaction that
 * also removes the job. False when the job's claim was lost meanwhile (another worker records the outcome).
 */
export async function recordBuildStored(manager: EntityManager, job: ClaimedJob, outcome: StoredOutcome): Promise<boolean> {
  const build = await lockForOutcome(manager, job);
  if (!build) return false;
  const { imported } = outcome;
  const now = new Date();
  const seconds = ((outcome.builtAt.getTime() - outcome.startedAt.getTime()) / 1000).toFixed(1);
  await manager.update(Build, { id: build.id }, { status: 'analysing', ...imageColumns(imported), updatedAt: now });
  await setStage(manager, build.id, 'build', 'done', `built in ${seconds} s`, { finishedAt: outcome.builtAt });
  await setStage(manager, build.id, 'store', 'done', `stored ${imported.manifestDigest}`, { startedAt: outcome.builtAt, finishedAt: now });
  await setStage(manager, build.id, 'scan', 'running', 'waiting for the scanner', { startedAt: now });
  await setStage(manager, build.id, 'anomaly', 'running', 'waiting for the anomaly detector', { startedAt: now });
  await appendLogLine(manager, build.id, 'store', `stored manifest ${imported.manifestDigest} with its config and ${imported.layers.length} layers`);
  await appendLogLine(manager, build.id, 'scan', `analysis requested for ${formatPlatform(imported.platform)} image ${imported.manifestDigest}`);
  const completed = buildCompletedEvent(build.id, build, imported, { blobsBaseUrl: outcome.blobsBaseUrl, dockerfile: build.dockerfile, source: build.source, cause: causedBy(job.request) });
  await enqueueEvents(manager, [{ topic: TOPICS.buildCompleted, envelope: completed }]);
  return true;
}

/** The build failed: status `failed`, its stage failed with the reason, build.failed with the log excerpt. */
export async function recordBuildFailed(manager: EntityManager, job: ClaimedJob, failure: BuildFailure): Promise<boolean> {
  const build = await lockForOutcome(manager, job);
  if (!build) return false;
  const now = new Date();
  await manager.update(Build, { id: build.id }, { status: 'failed', updatedAt: now });
  await setStage(manager, build.id, failure.stage, 'failed', failure.reason, { finishedAt: now });
  if (failure.stage === 'store') await manager.update(BuildStage, { buildId: build.id, stage: 'build', status: 'running' }, { status: 'done', finishedAt: now });
  await appendLogLine(manager, build.id, failure.stage, `build failed: ${failure.reason}`, 'error');
  const logRef = `/v1/builds/${build.id}/logs`;
  const excerpt = failure.excerpt ? failure.excerpt.slice(-16_000) : null;
  const failed = createEvent(
    TOPICS.buildFailed,
    build.id,
    { buildId: build.id, stage: failure.stage, reason: failure.reason, logRef, excerpt },
    { source: EVENT_SOURCE, cause: causedBy(job.request) },
  );
  await enqueueEvents(manager, [{ topic: TOPICS.buildFailed, envelope: failed }]);
  return true;
}
