import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { corporaDir, pollUntil } from '@dhi/testing';
import request from 'supertest';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { dockerfileContext } from './support/contexts.js';
import { buildLog, getBuild, requireBuildah, submitContext, waitForStatus, workDirEntries } from './support/dockerfile-builds.js';
import { uniqueName } from './support/names.js';

requireBuildah();

/** FROM scratch with one file: the smallest image with a layer. */
const scratchContext = (label: string) => dockerfileContext(['FROM scratch', `COPY ${label}.txt /`], [{ name: `${label}.txt`, content: label }]);

/** Processes whose command line mentions the work dir (buildah and what it runs). */
function processesUsing(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

describe('the build work queue: one at a time, timeouts, dead workers', () => {
  let service: BuildTestApp;
  let tap: TopicTap;
  let workDir: string;
  let alpine: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'dhi-builder-'));
    service = await startBuildTestApp({ BUILDER_WORK_DIR: workDir, BUILD_CONCURRENCY: '1', BUILD_TIMEOUT_SECONDS: '3', BUILD_LEASE_SECONDS: '3' });
    tap = await tapTopics(service.kafka, [TOPICS.buildFailed, TOPICS.buildCompleted]);
    alpine = uniqueName('alpine');
    const archive = await readFile(path.join(corporaDir(), 'images/alpine-310.tar.gz'));
    await request(service.server).post('/v1/builds').field('name', alpine).field('tag', '3.10').attach('image', archive, 'alpine.tar.gz').expect(202);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('queues builds behind a running one, times the long one out and kills it, then runs the next', async () => {
    const started = Date.now();
    const slow = (await submitContext(service, await dockerfileContext([`FROM ${alpine}:3.10`, 'RUN sleep 60']), { name: uniqueName('slow'), tag: '1' }).expect(202)).body.id as string;
    await waitForStatus(service, slow, ['building'], 15_000);
    const next = (await submitContext(service, await scratchContext('next'), { name: uniqueName('next'), tag: '1' }).expect(202)).body.id as string;
    const last = (await submitContext(service, await scratchContext('last'), { name: uniqueName('last'), tag: '1' }).expect(202)).body.id as string;

    // visible while the slow build holds the only slot
    const queued = await pollUntil(async () => {
      const build = await getBuild(service, last);
      const stage = build.stages.find((s) => s.stage === 'build');
      return build.status === 'received' && stage?.detail === 'queued, 2 ahead' ? stage : undefined;
    }, { timeoutMs: 10_000, description: 'the last build queued 2 ahead' });
    expect(queued.status).toBe('pending');
    expect((await getBuild(service, next)).stages.find((s) => s.stage === 'build')?.detail).toBe('queued, 1 ahead');

    const failed = await waitForStatus(service, slow, ['failed', 'analysing'], 30_000);
    expect(failed.status).toBe('failed');
    expect(failed.stages.find((s) => s.stage === 'build')?.detail).toBe('the build timed out after 3 s during STEP 2/2: RUN sleep 60; the builder was stopped');
    expect(Date.now() - started).toBeLessThan(30_000);
    const event = await pollUntil(() => tap.records.find((r) => r.topic === TOPICS.buildFailed && r.key === slow), { timeoutMs: 15_000 });
    expect(JSON.parse(event.value!.toString()).data.reason).toMatch(/timed out/);

    expect((await waitForStatus(service, next, ['analysing', 'failed'])).status).toBe('analysing');
    expect((await waitForStatus(service, last, ['analysing', 'failed'])).status).toBe('analysing');
    expect(processesUsing(workDir)).toEqual([]);
    expect(await workDirEntries(workDir)).toEqual([]);
  });

  it('takes over a job whose worker died once its lease expired', async () => {
    // hold the only slot, so the job below waits in the queue
    const blocker = (await submitContext(service, await dockerfileContext([`FROM ${alpine}:3.10`, 'RUN sleep 1']), { name: uniqueName('blocker'), tag: '1' }).expect(202)).body.id as string;
    await waitForStatus(service, blocker, ['building'], 15_000);
    const orphan = (await submitContext(service, await scratchContext('orphan'), { name: uniqueName('orphan'), tag: '1' }).expect(202)).body.id as string;
    await pollUntil(async () => ((await service.dataSource.query('SELECT 1 FROM build_jobs WHERE build_id = $1', [orphan])) as unknown[]).length === 1 || undefined, { timeoutMs: 10_000 });
    // as if a worker of another instance had claimed it and crashed: running, lease about to run out
    await service.dataSource.query(
      `UPDATE build_jobs SET state = 'running', attempts = 1, claim_id = gen_random_uuid(), lease_until = now() + interval '2 seconds' WHERE build_id = $1`,
      [orphan],
    );
    const done = await waitForStatus(service, orphan, ['analysing', 'failed'], 30_000);
    expect(done.status).toBe('analysing');
    expect(await buildLog(service, orphan)).toMatch(/attempt 2: the previous worker stopped/);
    // the blocker itself may have run into the 3 s timeout; it only had to hold the slot
    await waitForStatus(service, blocker, ['analysing', 'failed']);
    expect(await workDirEntries(workDir)).toEqual([]);
  });
});
