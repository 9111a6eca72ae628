import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { sampleArchive } from './support/archives.js';
import { insertPendingBuild } from './support/build-rows.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

const run = promisify(execFile);

async function skopeo(args: string[]): Promise<string> {
  try {
    return (await run('skopeo', args)).stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('skopeo is not installed; GET /v1/builds/:id/image is checked with it (apt-get install skopeo)');
    throw new Error(`skopeo ${args.join(' ')} failed: ${failure.stderr ?? failure.message}`);
  }
}

/** A response body as one Buffer (supertest leaves binary bodies unparsed otherwise). */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('GET /v1/builds/:id/image', () => {
  let service: BuildTestApp;

  beforeAll(async () => {
    service = await startBuildTestApp({ BLOB_RETENTION_INTERVAL_MINUTES: '0' });
  });
  afterAll(async () => {
    await service?.close();
  });

  async function submit(format: 'docker-archive' | 'oci-archive'): Promise<{ id: string; name: string; image: { digest: string; configDigest: string; layers: { digest: string }[] } }> {
    const name = uniqueName('export');
    const response = await request(service.server).post('/v1/builds').field('name', name).field('tag', '1.2').attach('image', await sampleArchive(`export-${format}`, format), 'image.tar').expect(202);
    const build = (await request(service.server).get(`/v1/builds/${response.body.id}`).expect(200)).body;
    return { id: build.id, name, image: build.image };
  }

  it.each(['docker-archive', 'oci-archive'] as const)('streams a stored %s as an OCI archive that skopeo inspects to the build\'s digest', async (format) => {
    const build = await submit(format);
    const response = await request(service.server).get(`/v1/builds/${build.id}/image`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${build.name.replace('/', '_')}_1.2.oci.tar"`);
    expect(Number(response.headers['content-length'])).toBe((response.body as Buffer).length);
    expect(response.headers['x-image-digest']).toBe(build.image.digest);

    const file = path.join(service.blobDir, `${build.id}.tar`);
    await writeFile(file, response.body as Buffer);
    const inspected = JSON.parse(await skopeo(['inspect', `oci-archive:${file}`]));
    expect(inspected.Digest).toBe(build.image.digest);
    expect(inspected.Layers).toEqual(build.image.layers.map((l) => l.digest));
    const raw = JSON.parse(await skopeo(['inspect', '--raw', `oci-archive:${file}:${build.name}:1.2`]));
    expect(raw.config.digest).toBe(build.image.configDigest);
  });

  it('answers 404 image_not_stored for a build without an image, and 404 for an unknown build', async () => {
    const id = await insertPendingBuild(service.dataSource, 'received', { kind: 'registry', reference: '127.0.0.1:5000/x:1' });
    const pending = await request(service.server).get(`/v1/builds/${id}/image`).expect(404);
    expect(pending.body).toMatchObject({ type: 'urn:dhi:problem:image_not_stored', status: 404 });
    expect(pending.headers['content-type']).toContain('application/problem+json');
    const unknown = await request(service.server).get('/v1/builds/00000000-0000-4000-8000-000000000000/image').expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:dhi:problem:build_not_found' });
    await request(service.server).get('/v1/builds/not-a-uuid/image').expect(400);
  });

  it('answers 500 image_damaged, before any byte, when a blob of a stored image is gone', async () => {
    const build = await submit('docker-archive');
    await rm(path.join(service.blobDir, 'sha256', build.image.layers[1]!.digest.slice(7)));
    const response = await request(service.server).get(`/v1/builds/${build.id}/image`).expect(500);
    expect(response.body).toMatchObject({ type: 'urn:dhi:problem:image_damaged', imageCode: 'missing_blob' });
    expect(response.body.detail).toContain(build.image.layers[1]!.digest);
  });
});
