import { createHash } from 'node:crypto';
import { type Envelope, TOPICS, validateEvent, type BuildCompleted } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { sampleArchive } from './support/archives.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

describe('POST /v1/builds with an image archive', () => {
  let service: BuildTestApp;
  let tap: TopicTap;

  beforeAll(async () => {
    service = await startBuildTestApp();
    tap = await tapTopics(service.kafka, [TOPICS.buildRequested, TOPICS.buildCompleted]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
  });

  const eventsOf = (topic: string, buildId: string) => tap.records.filter((r) => r.topic === topic && r.key === buildId);

  async function fetchBlob(baseUrl: string, digest: string): Promise<Buffer> {
    const response = await fetch(`${baseUrl}/${digest}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('docker-content-digest')).toBe(digest);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    return Buffer.from(await response.arrayBuffer());
  }

  it.each([
    ['docker-archive', false],
    ['docker-archive', true],
    ['oci-archive', false],
    ['oci-archive', true],
  ] as const)('stores a %s (gzip: %s), announces it once and serves its blobs', async (format, gzip) => {
    const name = uniqueName('node');
    const archive = await sampleArchive(`${format}-${gzip}`, format, gzip);
    const response = await request(service.server)
      .post('/v1/builds')
      .set('x-correlation-id', `corr-${format}-${gzip}`)
      .field('name', name)
      .field('tag', '20.11')
      .attach('image', archive, 'image.tar')
      .expect(202);
    const id = response.body.id as string;
    expect(response.headers['location']).toBe(`/v1/builds/${id}`);
    expect(response.body).toEqual({
      id,
      status: 'analysing',
      links: { self: `/v1/builds/${id}`, logs: `/v1/builds/${id}/logs`, findings: `/v1/builds/${id}/findings`, anomalies: `/v1/builds/${id}/anomalies` },
    });

    const build = (await request(service.server).get(`/v1/builds/${id}`).expect(200)).body;
    expect(build).toMatchObject({ id, name, tag: '20.11', lineage: name, submitter: 'anonymous', status: 'analysing', verdict: null });
    expect(build.summary).toEqual({ findings: null, anomalies: null });
    expect(build.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
      'receive:done', 'store:done', 'scan:running', 'anomaly:running', 'review:pending',
    ]);
    expect(build.stages[0].detail).toBe(`${archive.length} bytes, ${format}`);
    expect(build.stages[1].detail).toContain(build.image.digest);
    expect(build.image.layers).toHaveLength(3);
    expect(build.image.platform).toEqual({ os: 'linux', architecture: 'amd64' });

    const completed = await pollUntil(() => (eventsOf(TOPICS.buildCompleted, id).length > 0 ? eventsOf(TOPICS.buildCompleted, id) : undefined), {
      timeoutMs: 15_000,
      description: 'build.completed',
    });
    const [requested] = eventsOf(TOPICS.buildRequested, id);
    expect(completed).toHaveLength(1);
    const valid = validateEvent(TOPICS.buildCompleted, JSON.parse(completed[0]!.value!.toString()));
    if (!valid.ok) throw new Error(valid.error);
    const event: Envelope<BuildCompleted> = valid.value;
    expect(event).toMatchObject({ subject: id, source: 'dhi/build', correlationid: `corr-${format}-${gzip}` });
    expect(completed[0]!.headers['correlationid']).toBe(`corr-${format}-${gzip}`);
    expect(event.data).toMatchObject({ buildId: id, name, tag: '20.11', lineage: name, submitter: 'anonymous', dockerfile: null });
    expect(event.data.image).toEqual({
      digest: build.image.digest,
      configDigest: build.image.configDigest,
      mediaType: build.image.mediaType,
      layers: build.image.layers,
      platform: { os: 'linux', architecture: 'amd64' },
    });
    expect(event.data.blobs.baseUrl).toBe(`${service.baseUrl}/v1/blobs`);
    const requestedEvent = JSON.parse(requested!.value!.toString()) as Envelope<{ source: unknown }>;
    expect(requestedEvent.data.source).toEqual({ kind: 'archive', format, size: archive.length });
    expect(event.causationid).toBe(requestedEvent.id);

    // the analysers read the image through the URL the event gives them
    for (const digest of [event.data.image.digest, event.data.image.configDigest, ...event.data.image.layers.map((l) => l.digest)]) {
      expect(sha256(await fetchBlob(event.data.blobs.baseUrl, digest))).toBe(digest);
    }
    const manifest = JSON.parse((await fetchBlob(event.data.blobs.baseUrl, event.data.image.digest)).toString()) as { config: { digest: string } };
    expect(manifest.config.digest).toBe(event.data.image.configDigest);

    const logs = await request(service.server).get(`/v1/builds/${id}/logs`).expect(200);
    expect(logs.headers['content-type']).toMatch(/^text\/plain/);
    expect(logs.text).toMatch(/ receive info receiving an image archive upload/);
    expect(logs.text).toContain(`stored manifest ${build.image.digest}`);
  });

  it('takes fields sent after the image, the submitter from X-Submitter, and an explicit lineage', async () => {
    const name = uniqueName('python');
    const response = await request(service.server)
      .post('/v1/builds')
      .set('X-Submitter', 'alice@example.org')
      .attach('image', await sampleArchive('late-fields'), 'image.tar')
      .field('name', name)
      .field('tag', '3.12')
      .field('lineage', 'dhi/python')
      .expect(202);
    const build = (await request(service.server).get(`/v1/builds/${response.body.id}`).expect(200)).body;
    expect(build).toMatchObject({ name, tag: '3.12', lineage: 'dhi/python', submitter: 'alice@example.org' });
  });

  it('stores a layer shared by two builds once', async () => {
    const ids: string[] = [];
    for (const seed of ['shared-a', 'shared-b']) {
      const response = await request(service.server)
        .post('/v1/builds')
        .field('name', uniqueName('shared'))
        .field('tag', '1')
        .attach('image', await sampleArchive(seed, 'oci-archive'), 'image.tar')
        .expect(202);
      ids.push(response.body.id as string);
    }
    const images = await Promise.all(ids.map(async (id) => (await request(service.server).get(`/v1/builds/${id}`).expect(200)).body.image));
    // the first layer of the sample image does not depend on the seed
    expect(images[0].layers[0].digest).toBe(images[1].layers[0].digest);
    const digests = new Set<string>();
    for (const image of images) [image.digest, image.configDigest, ...image.layers.map((l: { digest: string }) => l.digest)].forEach((d) => digests.add(d));
    const files = new Set(await service.blobFiles());
    for (const digest of digests) expect(files.has(digest.slice('sha256:'.length))).toBe(true);
    expect(digests.size).toBe(9);
    // every stored file is one of the blobs of the builds uploaded so far; nothing is stored twice
    const all = (await request(service.server).get('/v1/builds?limit=100').expect(200)).body.items as { image: { digest: string; configDigest: string; layers: { digest: string }[] } }[];
    const referenced = new Set(all.flatMap((b) => [b.image.digest, b.image.configDigest, ...b.image.layers.map((l) => l.digest)]).map((d) => d.slice(7)));
    expect([...files].sort()).toEqual([...referenced].sort());
  });

  it('answers a repeated Idempotency-Key with the same build, also when both requests run at once', async () => {
    const archive = await sampleArchive('idempotent');
    const send = (key: string) =>
      request(service.server).post('/v1/builds').set('Idempotency-Key', key).field('name', uniqueName('idem')).field('tag', '1').attach('image', archive, 'image.tar');

    const first = await send('key-sequential').expect(202);
    const again = await send('key-sequential').expect(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers['location']).toBe(first.headers['location']);

    const [a, b] = await Promise.all([send('key-concurrent'), send('key-concurrent')]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body.id).toBe(a.body.id);

    const rows = (await service.dataSource.query(`SELECT idempotency_key, count(*)::int AS n FROM builds WHERE idempotency_key LIKE 'key-%' GROUP BY 1`)) as { n: number }[];
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
    for (const id of [first.body.id as string, a.body.id as string]) {
      await pollUntil(() => eventsOf(TOPICS.buildCompleted, id).length === 1, { timeoutMs: 15_000, description: `build.completed of ${id}` });
    }
    // a late duplicate would have been published together with the first: the outbox holds exactly one per build
    const outbox = (await service.dataSource.query(`SELECT key, count(*)::int AS n FROM outbox WHERE topic = $1 AND key = ANY($2) GROUP BY key`, [
      TOPICS.buildCompleted,
      [first.body.id, a.body.id],
    ])) as { n: number }[];
    expect(outbox.map((r) => r.n)).toEqual([1, 1]);
    expect(eventsOf(TOPICS.buildCompleted, first.body.id as string)).toHaveLength(1);
    expect(eventsOf(TOPICS.buildCompleted, a.body.id as string)).toHaveLength(1);
  });

  it('serves blobs only by a well-formed, stored digest', async () => {
    const malformed = await request(service.server).get('/v1/blobs/sha256:xyz').expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.body).toMatchObject({ type: 'urn:dhi:problem:invalid_digest', status: 400 });
    const unknown = await request(service.server).get(`/v1/blobs/sha256:${'0'.repeat(64)}`).expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:dhi:problem:blob_not_found', status: 404 });
  });

  it('answers unknown and malformed build ids with problems', async () => {
    const missing = await request(service.server).get('/v1/builds/8a0f6c1e-0d7e-4c5b-9f0a-2b3c4d5e6f70').expect(404);
    expect(missing.body).toMatchObject({ type: 'urn:dhi:problem:build_not_found', status: 404 });
    await request(service.server).get('/v1/builds/8a0f6c1e-0d7e-4c5b-9f0a-2b3c4d5e6f70/logs').expect(404);
    const invalid = await request(service.server).get('/v1/builds/not-a-uuid').expect(400);
    expect(invalid.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', errors: [{ path: 'id' }] });
  });

  it('serves health and an OpenAPI document listing its endpoints', async () => {
    await request(service.server).get('/health/ready').expect(200);
    const docs = (await request(service.server).get('/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/v1/builds', '/v1/builds/{id}', '/v1/builds/{id}/logs', '/v1/blobs/{digest}']),
    );
  });
});
