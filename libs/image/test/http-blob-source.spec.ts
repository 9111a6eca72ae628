import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { computeInventory, FileBlobStore, HttpBlobSource, importImageArchive, isDigest } from '../src/index.js';
import { sha256 } from './support/archive-builder.js';
import { corporaDir, expectedRootfs } from './support/corpora.js';

let root: string;
let store: FileBlobStore;
let server: Server;
let baseUrl: string;

/** A minimal stand-in for the build service's blob API, serving raw files (so corruption is not caught server-side). */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dhi-http-blobs-'));
  store = new FileBlobStore(root);
  server = createServer((req, res) => {
    const digest = decodeURIComponent((req.url ?? '').replace(/^\/v1\/blobs\//, ''));
    if (digest === 'sha256:' + '5'.repeat(64)) return void res.writeHead(503).end();
    if (!isDigest(digest)) return void res.writeHead(400).end();
    let body: Buffer;
    try {
      body = readFileSync(store.pathOf(digest));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/blobs/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('HttpBlobSource', () => {
  it('streams a blob and verifies it; 404 is missing_blob; a server error is a plain (retryable) error', async () => {
    const staging = await store.stage();
    const { digest } = await staging.put(Readable.from([Buffer.from('blob content')]));
    await staging.commit([digest]);
    await staging.discard();
    const source = new HttpBlobSource(baseUrl);
    expect((await drain(await source.open(digest))).toString()).toBe('blob content');
    await expect(source.open(sha256('absent'))).rejects.toMatchObject({ code: 'missing_blob' });
    await expect(source.open('sha256:' + '5'.repeat(64))).rejects.toThrow('HTTP 503');
    writeFileSync(store.pathOf(digest), 'blob c0ntent');
    await expect(drain(await source.open(digest))).rejects.toMatchObject({ code: 'digest_mismatch' });
  });

  it('computeInventory of a real alpine image over HTTP', async () => {
    const images = join(corporaDir(), 'images');
    const image = await importImageArchive(Readable.from([readFileSync(join(images, 'alpine-310.tar.gz'))]), store);
    const inventory = await computeInventory(image, new HttpBlobSource(baseUrl, { timeoutMs: 10_000 }));
    const expected = expectedRootfs(readFileSync(join(images, 'alpine-310.expected.txt'), 'utf8')).get('') ?? [];
    expect(inventory).toEqual({
      layerCount: 1,
      fileCount: expected.filter((line) => line.startsWith('-')).length,
      totalSize: image.layers[0].size,
      os: { id: 'alpine', versionId: '3.10.4', prettyName: 'Alpine Linux v3.10' },
    });
  });
});
