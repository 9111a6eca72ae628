import { type BuildSource, createEvent, type EventCause, TOPICS } from '@dhi/contracts';
import { EVENT_SOURCE } from '../domain/build-image.js';
import { type BuildLogDraft } from '../domain/build-log.js';
import { Build } from '../domain/build.entity.js';
import { stage } from './build-record.js';
import { type BuildRecord } from './register-build.js';
import { type SubmitBuildRequest } from './submit-build.request.js';

/** A source the service builds or pulls itself, in its own work queue. */
export type QueuedSource = Extract<BuildSource, { kind: 'dockerfile' | 'registry' }>;

/** A build accepted for the work queue: nothing is built yet. */
export interface RequestedBuild {
  id: string;
  request: SubmitBuildRequest;
  idempotencyKey: string | null;
  source: QueuedSource;
  startedAt: Date;
  receivedAt: Date;
  /** The `receive` stage's detail, e.g. `build context of 2048 bytes`. */
  receiveDetail: string;
  log: BuildLogDraft;
  cause: EventCause;
}

/**
 * The stored form of a queued build: status `received`, the `build` stage pending ("queued") until a worker takes it,
 * and build.requested, which this service consumes itself to queue the job.
 */
export function composeRequestedBuildRecord(requested: RequestedBuild): BuildRecord {
  const { id, request, source } = requested;
  const now = new Date();
  const build = Object.assign(new Build(), {
    id, ...request, status: 'received', source, dockerfile: source.kind === 'dockerfile' ? source.dockerfile : null,
    imageDigest: null, configDigest: null, imageMediaType: null, layers: null, platform: null,
    findings: null, anomalies: null, verdict: null, idempotencyKey: requested.idempotencyKey, createdAt: now, updatedAt: now,
  } satisfies Build);
  const stages = [
    stage(id, 'receive', 'done', requested.startedAt, requested.receivedAt, requested.receiveDetail),
    stage(id, 'build', 'pending', null, null, 'queued'),
    stage(id, 'store', 'pending', null, null, null),
    stage(id, 'scan', 'pending', null, null, null),
    stage(id, 'anomaly', 'pending', null, null, null),
    stage(id, 'review', 'pending', null, null, null),
  ];
  const event = createEvent(TOPICS.buildRequested, id, { buildId: id, ...request, source }, { source: EVENT_SOURCE, cause: requested.cause });
  requested.log.add('build', `queued: ${source.kind === 'dockerfile' ? `Dockerfile build of ${source.dockerfilePath}` : `pull of ${source.reference}`}`);
  return { build, stages, logLines: requested.log.rows(id), events: [{ topic: TOPICS.buildRequested, envelope: event }] };
}
