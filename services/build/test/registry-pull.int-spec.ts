import { type BuildCompleted, type BuildFailed, type BuildRequested, type Envelope, type Topic, TOPICS, validateEvent } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { sampleArchive } from './support/archives.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';
import { startTestRegistry, type TestRegistry } from './support/test-registry.js';


describe('POST /v1/builds with a registry reference (JSON)', () => {
  let registry: TestRegistry;
  let service: BuildTestApp;
  let tap: TopicTap;

  beforeAll(async () => {
    registry = await startTestRegistry();
    service = await startBuildTestApp({ BUILD_CONCURRENCY: '2' });
    tap = await tapTopics(service.kafka, [TOPICS.buildRequested, TOPICS.buildCompleted, TOPICS.buildFailed]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
    await registry?.stop();
  });

  const eventOf = <T>(topic: Topic, buildId: string): Envelope<T> | undefined => {
    const record = tap.records.find((r) => r.topic === topic && r.key === buildId);
    if (!record) return undefined;
    const valid = validateEvent(topic, JSON.parse(record.value!.toString()));
    if (!valid.ok) throw new Error(valid.error);
    return valid.value as unknown as Envelope<T>;
  };

  const submit = (body: unknown) => request(service.server).post('/v1/builds').set('content-type', 'application/json').send(JSON.stringify(body));

  const finished = (id: string) =>
    pollUntil(
      async () => {
        const build = (await request(service.server).get(`/v1/builds/${id}`)).body as { status: string };
        return ['analysing', 'failed'].includes(build.status) ? build : undefined;
      },
      { timeoutMs: 30_000, description: `build ${id} pulled or failed` },
    );

  it('queues the pull (202 received, build.requested), then pulls, stores and announces the image', async () => {
    const name = uniqueName('pulled');
    const digest = await registry.push(await sampleArchive('registry', 'oci-archive'), 'oci-archive', 'dhi/pulled:1.0');
    const response = await submit({ name, tag: '1.0', source: { registry: `${registry.host}/dhi/pulled:1.0` } }).expect(202);
    const id = response.body.id as string;
    expect(response.body.status).toBe('received');
    expect(response.headers['location']).toBe(`/v1/builds/${id}`);

    const requested = await pollUntil(() => eventOf<BuildRequested>(TOPICS.buildRequested, id), { timeoutMs: 15_000 });
    expect(requested.data.source).toEqual({ kind: 'registry', reference: `${registry.host}/dhi/pulled:1.0` });

    const build = (await finished(id)) as { status: string; image: { digest: string } };
    expect(build.status).toBe('analysing');
    expect(build.image.digest).toBe(digest);
    const completed = await pollUntil(() => eventOf<BuildCompleted>(TOPICS.buildCompleted, id), { timeoutMs: 15_000 });
    expect(completed.data.image.digest).toBe(digest);
    expect(completed.data.image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    const blob = await fetch(`${completed.data.blobs.baseUrl}/${digest}`);
    expect(blob.status).toBe(200);

    const logs = (await request(service.server).get(`/v1/builds/${id}/logs`).expect(200)).text;
    expect(logs).toContain(`resolving ${registry.host}/dhi/pulled:1.0 for linux/amd64`);
    expect(logs).toMatch(/layer 3 \(sha256:[0-9a-f]{64}\): \d+ bytes, digest and diff id verified/);
    expect(logs).toContain(`stored manifest ${digest}`);
  });

  it('fails a pull of a missing tag with build.failed and the reason in the timeline', async () => {
    const name = uniqueName('missing');
    const response = await submit({ name, tag: '1', source: { registry: `${registry.host}/dhi/nothing-here:1` } }).expect(202);
    const id = response.body.id as string;
    const build = (await finished(id)) as { status: string; stages: { stage: string; status: string; detail: string | null }[] };
    expect(build.status).toBe('failed');
    const failedStage = build.stages.find((s) => s.status === 'failed');
    expect(failedStage?.stage).toBe('build');
    expect(failedStage?.detail).toContain(`has no tag 1 in dhi/nothing-here`);
    const failed = await pollUntil(() => eventOf<BuildFailed>(TOPICS.buildFailed, id), { timeoutMs: 15_000 });
    expect(failed.data).toMatchObject({ buildId: id, stage: 'build' });
    expect(failed.data.reason).toContain(`pulling ${registry.host}/dhi/nothing-here:1 failed`);
  });

  it.each([
    [{ name: 'a', tag: '1', source: { registry: 'dhi/node:20' } }, 'source.registry', 'there is no default registry'],
    [{ name: 'a', tag: '1', source: { registry: '127.0.0.1:5000/Bad' } }, 'source.registry', 'lower-case'],
    [{ name: 'a', tag: '1', source: {} }, 'source.registry', ''],
    [{ name: 'a', tag: '1', source: { registry: '127.0.0.1:5000/a', extra: 1 } }, 'source', ''],
    [{ tag: '1', source: { registry: '127.0.0.1:5000/a' } }, 'name', ''],
    [{ name: 'a', tag: '1', dockerfile: 'x', source: { registry: '127.0.0.1:5000/a' } }, '', ''],
  ])('refuses an invalid body with 400 naming the field (%j)', async (body, field, message) => {
    const response = await submit(body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = (response.body.errors ?? []) as { path: string; message: string }[];
    if (field) expect(errors.map((e) => e.path)).toContain(field);
    if (message) expect(JSON.stringify(response.body)).toContain(message);
  });

  it('refuses a body that is not JSON with a problem', async () => {
    const response = await request(service.server).post('/v1/builds').set('content-type', 'application/json').send('{"name": ').expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a replay of the same Idempotency-Key with the same build', async () => {
    const body = { name: uniqueName('idem'), tag: '1', source: { registry: `${registry.host}/dhi/pulled:1.0` } };
    const first = await submit(body).set('idempotency-key', `idem-${body.name}`).expect(202);
    const again = await submit(body).set('idempotency-key', `idem-${body.name}`).expect(202);
    expect(again.body.id).toBe(first.body.id);
    await finished(first.body.id as string);
  });
});
