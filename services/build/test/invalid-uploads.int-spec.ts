import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { TOPICS } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { flipByteIn, largeArchive, sampleArchive, withoutEntries } from './support/archives.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

const MAX_UPLOAD_BYTES = 64 * 1024;

describe('POST /v1/builds refuses bad uploads and leaves nothing behind', () => {
  let service: BuildTestApp;
  let tap: TopicTap;
  const refusedNames: string[] = [];

  beforeAll(async () => {
    service = await startBuildTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    tap = await tapTopics(service.kafka, [TOPICS.buildRequested, TOPICS.buildCompleted]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
  });

  /** Uploads `archive` under a fresh name; expects a problem with that status and type, no build row and no new blob. */
  async function expectRefused(
    archive: Buffer | null,
    expected: { status: number; type: string; detail?: RegExp },
    options: { fields?: Record<string, string>; fieldsAfter?: boolean; blobsMayStay?: boolean } = {},
  ): Promise<Record<string, unknown>> {
    const name = uniqueName('refused');
    refusedNames.push(name);
    const blobsBefore = await service.blobFiles();
    const fields = { name, tag: '1', ...options.fields };
    let call = request(service.server).post('/v1/builds');
    if (!options.fieldsAfter) for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
    if (archive) call = call.attach('image', archive, 'image.tar');
    if (options.fieldsAfter) for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
    const response = await call;
    expect(response.status).toBe(expected.status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: `urn:dhi:problem:${expected.type}`, status: expected.status, instance: '/v1/builds' });
    if (expected.detail) expect(response.body.detail).toMatch(expected.detail);
    const rows = (await service.dataSource.query('SELECT count(*)::int AS n FROM builds WHERE name = $1', [name])) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
    if (!options.blobsMayStay) expect(await service.blobFiles()).toEqual(blobsBefore);
    return response.body as Record<string, unknown>;
  }

  it('refuses random bytes as not an image', async () => {
    const problem = await expectRefused(randomBytes(5000), { status: 400, type: 'not_an_image' });
    expect(problem['code']).toBe('not_an_image');
  });

  it('refuses a truncated archive', async () => {
    const archive = await sampleArchive('truncated');
    await expectRefused(archive.subarray(0, Math.floor(archive.length / 2)), { status: 400, type: 'truncated' });
  });

  it('refuses a layer whose bytes do not match its digest', async () => {
    const archive = flipByteIn(await sampleArchive('flipped'), '"port":8080');
    await expectRefused(archive, { status: 422, type: 'digest_mismatch', detail: /diff id/ });
  });

  it('refuses an OCI archive with a missing blob', async () => {
    const archive = await sampleArchive('missing', 'oci-archive');
    const index = JSON.parse(archive.subarray(archive.indexOf('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index'), archive.indexOf('}]}') + 3).toString()) as {
      manifests: { digest: string }[];
    };
    let removedLayer = false;
    const mutilated = await withoutEntries(archive, (entry) => {
      // drop one blob that is neither the index's manifest nor already gone: a layer or the config
      if (removedLayer || !entry.startsWith('blobs/sha256/') || entry.endsWith(index.manifests[0]!.digest.slice(7))) return false;
      removedLayer = true;
      return true;
    });
    await expectRefused(mutilated, { status: 422, type: 'missing_blob' });
  });

  it('refuses an upload over MAX_UPLOAD_BYTES while it streams, and by its Content-Length before reading it', async () => {
    await expectRefused(await largeArchive('too-large-stream', 80 * 1024), { status: 413, type: 'upload_too_large' });
    await expectRefused(await largeArchive('too-large-header', 160 * 1024), { status: 413, type: 'upload_too_large' });
  });

  it('refuses invalid or missing fields sent before the image without reading it', async () => {
    const archive = await sampleArchive('bad-fields');
    const invalidName = await expectRefused(archive, { status: 400, type: 'validation_failed' }, { fields: { name: 'Not/Lower Case' } });
    expect(invalidName['errors']).toEqual([{ path: 'name', message: 'lowercase image name' }]);
    await expectRefused(archive, { status: 400, type: 'validation_failed' }, { fields: { tag: '-bad tag' } });
    await expectRefused(archive, { status: 400, type: 'validation_failed' }, { fields: { dockerfile: 'Dockerfile' } });
  });

  it('refuses invalid or missing fields sent after the image (its verified blobs may stay, unreferenced)', async () => {
    const archive = await sampleArchive('late-bad-fields');
    await expectRefused(archive, { status: 400, type: 'validation_failed' }, { fields: { name: 'UPPER' }, fieldsAfter: true, blobsMayStay: true });
    const missing = await request(service.server).post('/v1/builds').attach('image', archive, 'image.tar').expect(400);
    expect(missing.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed' });
    expect((missing.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['name', 'tag']);
  });

  it('refuses a form without a file part, a build context that is not a tar, and bodies that are not multipart', async () => {
    await expectRefused(null, { status: 400, type: 'missing_image' });
    const context = await request(service.server).post('/v1/builds').field('name', 'a').field('tag', '1').attach('context', randomBytes(100), 'ctx.tar').expect(400);
    expect(context.body).toMatchObject({ type: 'urn:dhi:problem:not_a_tar' });
    const raw = await request(service.server).post('/v1/builds').set('content-type', 'application/octet-stream').send(randomBytes(100)).expect(415);
    expect(raw.body).toMatchObject({ type: 'urn:dhi:problem:unsupported_media_type' });
    const badKey = await request(service.server).post('/v1/builds').set('Idempotency-Key', 'has spaces').field('name', 'a').field('tag', '1').expect(400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ path: 'idempotency-key' })]);
  });

  it('published no event for any refused upload', async () => {
    // a valid upload after all refused ones: once its events arrived, earlier ones would have too
    const sentinel = await request(service.server).post('/v1/builds').field('name', uniqueName('sentinel')).field('tag', '1').attach('image', await sampleArchive('sentinel'), 'i.tar').expect(202);
    await pollUntil(() => tap.records.some((r) => r.topic === TOPICS.buildCompleted && r.key === sentinel.body.id), { timeoutMs: 15_000, description: 'the sentinel event' });
    expect(refusedNames.length).toBeGreaterThan(10);
    const carried = tap.records.map((r) => r.value?.toString() ?? '').filter((value) => refusedNames.some((name) => value.includes(name)));
    expect(carried).toEqual([]);
    const outbox = (await service.dataSource.query('SELECT count(*)::int AS n FROM outbox')) as { n: number }[];
    expect(outbox[0]?.n).toBe(2);
    const builds = (await service.dataSource.query('SELECT count(*)::int AS n FROM builds')) as { n: number }[];
    expect(builds[0]?.n).toBe(1);
    // every refused import removed its staging area
    await pollUntil(async () => (await readdir(path.join(service.blobDir, '.staging'))).length === 0, { description: 'staging areas removed' });
  });
});
