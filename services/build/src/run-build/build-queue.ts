import { randomUUID } from 'node:crypto';
import { type BuildRequested, type Envelope } from '@dhi/contracts';
import { type DataSource, type EntityManager } from 'typeorm';

/** A job a worker holds: its build.requested event, and the claim that must still be current to record an outcome. */
export interface ClaimedJob {
  buildId: string;
  request: Envelope<BuildRequested>;
  attempts: number;
  claimId: string;
}

interface JobRow {
  build_id: string;
  request: Envelope<BuildRequested>;
  attempts: number;
  claim_id: string;
}

// queue positions are rewritten by one transaction at a time, so concurrent updates of stage rows never deadlock
const POSITIONS_LOCK = "pg_advisory_xact_lock(hashtext('dhi.build.queue-positions'))";

/** Queues the build of a build.requested event; false when it is already queued (or running). */
export async function enqueueJob(manager: EntityManager, event: Envelope<BuildRequested>): Promise<boolean> {
  const inserted = (await manager.query(
    `INSERT INTO build_jobs (build_id, request, state, attempts, queued_at) VALUES ($1, $2::jsonb, 'queued', 0, now())
     ON CONFLICT (build_id) DO NOTHING RETURNING build_id`,
    [event.data.buildId, JSON.stringify(event)],
  )) as unknown[];
  return inserted.length > 0;
}

/**
 * Claims the oldest job that is queued or whose lease expired (its worker died), skipping rows other workers are
 * claiming right now. The claim holds for `leaseSeconds` unless extended.
 */
export async function claimJob(dataSource: DataSource, leaseSeconds: number): Promise<ClaimedJob | null> {
  const claimId = randomUUID();
  const [rows] = (await dataSource.query(
    `UPDATE build_jobs SET state = 'running', attempts = attempts + 1, claim_id = $1, lease_until = now() + $2 * interval '1 second'
     WHERE build_id = (
       SELECT build_id FROM build_jobs WHERE state = 'queued' OR lease_until < now()
       ORDER BY queued_at, build_id FOR UPDATE SKIP LOCKED LIMIT 1
     )
     RETURNING build_id, request, attempts, claim_id`,
    [claimId, leaseSeconds],
  )) as [JobRow[], number];
  const row = rows[0];
  return row ? { buildId: row.build_id, request: row.request, attempts: row.attempts, claimId: row.claim_id } : null;
}

/** Extends a claim; false when it is no longer this worker's (the lease expired and another worker took the job). */
export async function extendLease(dataSource: DataSource, job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
  const [, count] = (await dataSource.query(
    `UPDATE build_jobs SET lease_until = now() + $3 * interval '1 second' WHERE build_id = $1 AND claim_id = $2`,
    [job.buildId, job.claimId, leaseSeconds],
  )) as [unknown, number];
  return count > 0;
}

/** Puts a job back in the queue (shutdown), not counting the interrupted attempt. */
export async function releaseJob(dataSource: DataSource, job: ClaimedJob): Promise<void> {
  await dataSource.query(
    `UPDATE build_jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), claim_id = NULL, lease_until = NULL
     WHERE build_id = $1 AND claim_id = $2`,
    [job.buildId, job.claimId],
  );
}

/** Removes a finished job inside the transaction that records its outcome; false when the claim is no longer current. */
export async function takeJob(manager: EntityManager, job: ClaimedJob): Promise<boolean> {
  const deleted = (await manager.query('DELETE FROM build_jobs WHERE build_id = $1 AND claim_id = $2 RETURNING build_id', [job.buildId, job.claimId])) as [
    unknown[],
    number,
  ];
  return deleted[1] > 0;
}

/** Rewrites the `build` stage detail of every queued build to its place in line ("queued, 2 ahead"). */
export async function refreshQueuePositions(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT ${POSITIONS_LOCK}`);
  await manager.query(
    `UPDATE build_stages s SET detail = 'queued, ' || q.ahead || ' ahead'
     FROM (SELECT build_id, state, row_number() OVER (ORDER BY queued_at, build_id) - 1 AS ahead FROM build_jobs) q
     WHERE s.build_id = q.build_id AND s.stage = 'build' AND s.status = 'pending' AND q.state = 'queued'
       AND s.detail IS DISTINCT FROM 'queued, ' || q.ahead || ' ahead'`,
  );
}

/** The place in line of a queued build: how many jobs are before it. */
export async function jobsAhead(manager: EntityManager, buildId: string): Promise<number> {
  const [row] = (await manager.query(
    `SELECT count(*)::int AS ahead FROM build_jobs j, build_jobs me WHERE me.build_id = $1 AND (j.queued_at, j.build_id) < (me.queued_at, me.build_id)`,
    [buildId],
  )) as { ahead: number }[];
  return row?.ahead ?? 0;
}
