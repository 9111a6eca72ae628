import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Digest } from '@dhi/image';
import request from 'supertest';
import { sampleArchive } from './support/archives.js';
import { dockerfileSource, insertPendingBuild } from './support/build-rows.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

const DAY_MS = 24 * 3_600_000;

describe('blob retention (POST /v1/admin/blobs/gc)', () => {
  let service: BuildTestApp;

  beforeAll(async () => {
    // the job itself is off: each test runs retention through the admin endpoint
    service = await startBuildTestApp({ BLOB_RETENTION_INTERVAL_MINUTES: '0', BLOB_RETENTION_GRACE_HOURS: '24' });
  });
  afterAll(async () => {
    await service?.close();
  });

  const blobPath = (digest: string): string => path.join(service.blobDir, 'sha256', digest.slice('sha256:'.length));

  /** Puts a blob straight into the store (as a refused upload or a finished build's context leaves one) with a given age. */
  async function storeBlob(ageMs: number, bytes = 1000): Promise<string> {
    const data = randomBytes(bytes);
    const digest = sha256Digest(data);
    await mkdir(path.dirname(blobPath(digest)), { recursive: true });
    await writeFile(blobPath(digest), data);
    await age(digest, ageMs);
    return digest;
  }

  async function age(digest: string, ageMs: number): Promise<void> {
    const when = new Date(Date.now() - ageMs);
    await utimes(blobPath(digest), when, when);
  }

  const stored = async (digest: string): Promise<boolean> => (await service.blobFiles()).includes(digest.slice('sha256:'.length));
  const gc = async (query = '') => (await request(service.server).post(`/v1/admin/blobs/gc${query}`).expect(200)).body;

  it('deletes old unreferenced blobs and keeps referenced and young ones (dry run first)', async () => {
    const submitted = await request(service.server).post('/v1/builds').field('name', uniqueName('kept')).field('tag', '1').attach('image', await sampleArchive('retention'), 'image.tar').expect(202);
    const build = (await request(service.server).get(`/v1/builds/${submitted.body.id}`).expect(200)).body;
    const referenced: string[] = [build.image.digest, build.image.configDigest, ...build.image.layers.map((l: { digest: string }) => l.digest)];
    for (const digest of referenced) await age(digest, 3 * DAY_MS);

    const orphan = await storeBlob(2 * DAY_MS, 4096);
    const young = await storeBlob(60_000, 100);
    const queuedContext = await storeBlob(2 * DAY_MS, 300);
    await insertPendingBuild(service.dataSource, 'received', dockerfileSource(queuedContext));
    const failedContext = await storeBlob(2 * DAY_MS, 200);
    await insertPendingBuild(service.dataSource, 'failed', dockerfileSource(failedContext));

    const dry = await gc('?dryRun=true');
    expect(dry).toMatchObject({ dryRun: true, graceHours: 24, deleted: { blobs: 2, bytes: 4096 + 200 }, young: { blobs: 1, bytes: 100 } });
    expect(dry.referenced.blobs).toBe(referenced.length + 1);
    expect(dry.scanned.blobs).toBe(referenced.length + 4);
    expect(await stored(orphan)).toBe(true);

    const report = await gc();
    expect(report).toMatchObject({ dryRun: false, deleted: { blobs: 2, bytes: 4096 + 200 }, young: { blobs: 1, bytes: 100 } });
    expect(await stored(orphan)).toBe(false);
    expect(await stored(failedContext)).toBe(false);
    for (const digest of [...referenced, young, queuedContext]) expect(await stored(digest)).toBe(true);
    // what is left is whole: the build's image still exports
    await request(service.server).get(`/v1/builds/${build.id}/image`).expect(200);

    expect(await gc()).toMatchObject({ deleted: { blobs: 0, bytes: 0 } });
  });

  it('puts back blobs a crashed run left in the trash, then decides about them again', async () => {
    const kept = await storeBlob(0, 64);
    const data = await readFile(blobPath(kept));
    const trash = path.join(service.blobDir, '.trash');
    await mkdir(trash, { recursive: true });
    // as if a run had moved the blob out and died before its last reference check
    await rename(blobPath(kept), path.join(trash, `${kept.slice(7)}.0b5c1c1e-5e0a-4c1a-9a51-6f1b8e4b9d00`));
    expect(await stored(kept)).toBe(false);

    const report = await gc();
    expect(report.young.blobs).toBeGreaterThanOrEqual(1);
    expect(await readFile(blobPath(kept))).toEqual(data);
  });

  it('refuses a bad dryRun value', async () => {
    const response = await request(service.server).post('/v1/admin/blobs/gc?dryRun=yes').expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
