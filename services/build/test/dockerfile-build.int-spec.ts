import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS, validateEvent } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { corporaDir, pollUntil } from '@dhi/testing';
import request from 'supertest';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { contextTar, dockerfileContext } from './support/contexts.js';
import { buildLog, builtImageFiles, requireBuildah, submitContext, waitForStatus, workDirEntries } from './support/dockerfile-builds.js';
import { uniqueName } from './support/names.js';

requireBuildah();

describe('Dockerfile builds with buildah', () => {
  let service: BuildTestApp;
  let tap: TopicTap;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'dhi-builder-'));
    service = await startBuildTestApp({ BUILDER_WORK_DIR: workDir, BUILD_CONCURRENCY: '2' });
    tap = await tapTopics(service.kafka, [TOPICS.buildRequested, TOPICS.buildCompleted, TOPICS.buildFailed]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const eventOf = (topic: string, id: string) =>
    pollUntil(() => tap.records.find((r) => r.topic === topic && r.key === id), { timeoutMs: 15_000, description: `${topic} of ${id}` });

  const imageFiles = (id: string, wanted: string[]) => builtImageFiles(service, id, wanted);

  it('builds FROM scratch with COPY, USER and HEALTHCHECK, stores it like an upload and cleans the builder', async () => {
    const dockerfile = ['FROM scratch', 'COPY hello.txt /hello.txt', 'USER 1000', 'HEALTHCHECK --interval=30s CMD ["/check"]'];
    const context = await contextTar([{ name: 'Dockerfile', content: `${dockerfile.join('\n')}\n` }, { name: 'hello.txt', content: 'hello from the context\n' }, { name: '.dockerignore', content: 'secret.txt\n' }, { name: 'secret.txt', content: 'ignored' }], { gzip: true });
    const submitted = await submitContext(service, context, { name: uniqueName('scratch'), tag: '1' }).expect(202);
    const id = submitted.body.id as string;
    expect(submitted.body.status).toBe('received');

    const built = await waitForStatus(service, id, ['analysing', 'failed']);
    expect(built.status).toBe('analysing');
    expect(built.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(['receive:done', 'build:done', 'store:done', 'scan:running', 'anomaly:running', 'review:pending']);

    const { fs, config } = await imageFiles(id, ['/hello.txt']);
    expect(fs.contents.get('/hello.txt')?.toString()).toBe('hello from the context\n');
    expect(fs.files.has('/secret.txt')).toBe(false);
    expect(config).toMatchObject({ User: '1000', Healthcheck: { Test: ['CMD', '/check'], Interval: 30_000_000_000 } });

    const completed = await eventOf(TOPICS.buildCompleted, id);
    const event = validateEvent(TOPICS.buildCompleted, JSON.parse(completed.value!.toString()));
    if (!event.ok) throw new Error(event.error);
    expect(event.value.data.dockerfile).toBe(`${dockerfile.join('\n')}\n`);
    expect(event.value.data.context).toEqual({ dockerfilePath: 'Dockerfile', dockerignore: true });
    const requested = await eventOf(TOPICS.buildRequested, id);
    expect(JSON.parse(requested.value!.toString()).data.source).toMatchObject({ kind: 'dockerfile', dockerfilePath: 'Dockerfile', buildArgs: {} });
    expect(event.value.causationid).toBe(JSON.parse(requested.value!.toString()).id);

    const log = await buildLog(service, id);
    expect(log).toMatch(/build info STEP 1\/4: FROM scratch/);
    expect(log).toMatch(/build info STEP 4\/4: HEALTHCHECK/);
    await pollUntil(async () => ((await workDirEntries(workDir)).length === 0 ? true : undefined), { timeoutMs: 5000, description: 'an empty builder work dir' });
  });

  it('builds FROM an uploaded image, with RUN in chroot isolation and a build argument', async () => {
    const alpine = uniqueName('alpine');
    const archive = await readFile(path.join(corporaDir(), 'images/alpine-310.tar.gz'));
    const uploaded = await request(service.server).post('/v1/builds').field('name', alpine).field('tag', '3.10').attach('image', archive, 'alpine.tar.gz').expect(202);
    const context = await dockerfileContext(['ARG BASE=nothing', 'FROM ${BASE}', 'ARG GREETING', 'RUN echo "$GREETING" > /hello && cat /etc/alpine-release']);
    const submitted = await submitContext(service, context, { name: uniqueName('from-alpine'), tag: '1', buildArgs: JSON.stringify({ BASE: `${alpine}:3.10`, GREETING: 'hi' }) }).expect(202);
    const id = submitted.body.id as string;

    const built = await waitForStatus(service, id, ['analysing', 'failed']);
    expect(built).toMatchObject({ status: 'analysing' });
    const { fs } = await imageFiles(id, ['/hello']);
    expect(fs.contents.get('/hello')?.toString()).toBe('hi\n');
    expect(fs.files.has('/etc/alpine-release')).toBe(true);
    const completed = JSON.parse((await eventOf(TOPICS.buildCompleted, id)).value!.toString());
    expect(completed.data.context).toEqual({ dockerfilePath: 'Dockerfile', dockerignore: false });
    const log = await buildLog(service, id);
    expect(log).toContain(`using build ${uploaded.body.id as string}`);
    expect(log).toMatch(/build info 3\.10\.\d+/);
    expect(await workDirEntries(workDir)).toEqual([]);
  });

  it('fails a RUN step with the step, its exit status, a log excerpt and build.failed', async () => {
    const alpine = uniqueName('alpine');
    const archive = await readFile(path.join(corporaDir(), 'images/alpine-310.tar.gz'));
    await request(service.server).post('/v1/builds').field('name', alpine).field('tag', '3.10').attach('image', archive, 'alpine.tar.gz').expect(202);
    const context = await dockerfileContext([`FROM ${alpine}:3.10`, 'RUN echo about to fail', 'RUN false', 'RUN echo never']);
    const id = (await submitContext(service, context, { name: uniqueName('fails'), tag: '1' }).expect(202)).body.id as string;

    const failed = await waitForStatus(service, id, ['analysing', 'failed']);
    expect(failed.status).toBe('failed');
    const stage = failed.stages.find((s) => s.stage === 'build');
    expect(stage).toMatchObject({ status: 'failed', detail: 'STEP 3/4: RUN false: failed with exit status 1' });
    const event = JSON.parse((await eventOf(TOPICS.buildFailed, id)).value!.toString());
    expect(event.data).toMatchObject({ buildId: id, stage: 'build', reason: 'STEP 3/4: RUN false: failed with exit status 1', logRef: `/v1/builds/${id}/logs` });
    expect(event.data.excerpt).toContain('STEP 3/4: RUN false');
    expect(event.data.excerpt.split('\n').length).toBeLessThanOrEqual(20);
    expect(await buildLog(service, id)).toMatch(/build error build failed: STEP 3\/4: RUN false/);
    expect(await workDirEntries(workDir)).toEqual([]);
  });

  it('fails a FROM the platform does not hold before buildah runs', async () => {
    const context = await dockerfileContext(['FROM nowhere/unknown:1', 'RUN true']);
    const id = (await submitContext(service, context, { name: uniqueName('unknown-base'), tag: '1' }).expect(202)).body.id as string;
    const failed = await waitForStatus(service, id, ['analysing', 'failed']);
    expect(failed.stages.find((s) => s.stage === 'build')?.detail).toMatch(/^FROM nowhere\/unknown:1 \(line 1\): nowhere\/unknown:1 is not an image the platform holds/);
    const log = await buildLog(service, id);
    expect(log).not.toMatch(/STEP|extracting/);
    const registryRef = await dockerfileContext(['FROM 127.0.0.1:5000/some/image:1']);
    const id2 = (await submitContext(service, registryRef, { name: uniqueName('registry-base'), tag: '1' }).expect(202)).body.id as string;
    expect((await waitForStatus(service, id2, ['failed'])).stages.find((s) => s.stage === 'build')?.detail).toMatch(/no registry is configured/);
  });
});
