import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { dockerArchive, ociArchive, tarOf } from '../../test/support/archive-builder.js';
import { type BlobStore } from '../blob-store.js';
import { FileBlobStore } from '../file-blob-store.js';
import { importImageArchive, type ImportedImage } from '../import-image-archive.js';
import { exportOciArchive, writeOciArchive } from './export-oci-archive.js';
import { planOciArchive } from './oci-archive-plan.js';

let root: string;
let store: FileBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-export-'));
  store = new FileBlobStore(join(root, 'store'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function entriesOf(archive: Buffer): Promise<Map<string, { type: string; data: Buffer }>> {
  const entries = new Map<string, { type: string; data: Buffer }>();
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
      entries.set(entry.header.name, { type: entry.header.type ?? 'file', data: Buffer.concat(chunks) });
    }
  })();
  extract.end(archive);
  await done;
  return entries;
}

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const layer = (files: Record<string, string>): Promise<Buffer> => tarOf(Object.entries(files).map(([name, data]) => ({ name, data })));
const importBuffer = (archive: Buffer, into: FileBlobStore = store): Promise<ImportedImage> => importImageArchive(Readable.from([archive]), into);
const digestsOf = (image: ImportedImage) => ({ manifest: image.manifestDigest, config: image.configDigest, layers: image.layers.map((l) => l.digest) });

describe('exportOciArchive', () => {
  it.each([
    ['docker-archive', () => layer({ 'etc/hostname': 'one' }).then(async (a) => dockerArchive([a, await layer({ 'app/x': 'two' })]))],
    ['oci-archive (gzip layers)', () => layer({ 'etc/hostname': 'one' }).then(async (a) => ociArchive([a, await layer({ 'app/x': 'two' })]))],
  ])('round-trips a %s: import → export → import gives the same digests', async (_kind, build) => {
    const imported = await importBuffer((await build()).archive);
    const plan = await planOciArchive(store, { manifestDigest: imported.manifestDigest, refName: 'dhi/node:20' });
    const archive = await collect(writeOciArchive(store, plan));
    expect(archive.length).toBe(plan.archiveSize);

    const again = new FileBlobStore(join(root, 'again'));
    const reimported = await importBuffer(archive, again);
    expect(digestsOf(reimported)).toEqual(digestsOf(imported));
    expect(reimported.format).toBe('oci-archive');
    expect((await collect(exportOciArchive(again, { manifestDigest: imported.manifestDigest, refName: 'dhi/node:20' }))).equals(archive)).toBe(true);
  });

  it('writes the image layout: oci-layout, an index naming the image, and every blob once', async () => {
    const shared = await layer({ 'etc/hostname': 'same' });
    const imported = await importBuffer((await dockerArchive([shared, await layer({ 'a/b': 'c' }), shared])).archive);
    const entries = await entriesOf(await collect(exportOciArchive(store, { manifestDigest: imported.manifestDigest, refName: 'dhi/base:1.0' })));
    expect(JSON.parse(entries.get('oci-layout')!.data.toString())).toEqual({ imageLayoutVersion: '1.0.0' });
    const index = JSON.parse(entries.get('index.json')!.data.toString());
    expect(index).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{
        mediaType: imported.manifestMediaType,
        digest: imported.manifestDigest,
        size: expect.any(Number),
        platform: { os: 'linux', architecture: 'amd64' },
        annotations: { 'org.opencontainers.image.ref.name': 'dhi/base:1.0' },
      }],
    });
    const blobNames = [...entries.keys()].filter((name) => name.startsWith('blobs/sha256/') && name.length > 'blobs/sha256/'.length);
    expect(blobNames.sort()).toEqual([...new Set([imported.manifestDigest, imported.configDigest, ...imported.layers.map((l) => l.digest)])].map((d) => `blobs/sha256/${d.slice(7)}`).sort());
    expect(entries.get('blobs/sha256/')?.type).toBe('directory');
  });

  it('leaves the ref name annotation out when none is given', async () => {
    const imported = await importBuffer((await dockerArchive([await layer({ x: 'y' })])).archive);
    const plan = await planOciArchive(store, { manifestDigest: imported.manifestDigest });
    expect(JSON.parse(plan.indexJson.toString()).manifests[0].annotations).toBeUndefined();
  });

  it('refuses a ref name that is not an OCI reference', async () => {
    const imported = await importBuffer((await dockerArchive([await layer({ x: 'y' })])).archive);
    await expect(planOciArchive(store, { manifestDigest: imported.manifestDigest, refName: 'bad name\n' })).rejects.toMatchObject({ code: 'invalid_manifest' });
  });

  it('a missing manifest or layer is missing_blob before any byte is written', async () => {
    const imported = await importBuffer((await dockerArchive([await layer({ x: 'y' })])).archive);
    await store.delete(imported.layers[0]!.digest);
    await expect(planOciArchive(store, { manifestDigest: imported.manifestDigest })).rejects.toMatchObject({ code: 'missing_blob' });
    await expect(collect(exportOciArchive(store, { manifestDigest: imported.manifestDigest }))).rejects.toMatchObject({ code: 'missing_blob' });
    await expect(planOciArchive(store, { manifestDigest: `sha256:${'0'.repeat(64)}` })).rejects.toMatchObject({ code: 'missing_blob' });
  });

  it('a stored layer whose bytes changed fails the stream with digest_mismatch', async () => {
    const imported = await importBuffer((await dockerArchive([await layer({ 'etc/motd': 'hello world' })])).archive);
    const path = store.pathOf(imported.layers[0]!.digest);
    const bytes = await readFile(path);
    bytes[600] ^= 0x01;
    rmSync(path);
    writeFileSync(path, bytes);
    await expect(collect(exportOciArchive(store, { manifestDigest: imported.manifestDigest }))).rejects.toMatchObject({ code: 'digest_mismatch' });
  });

  it('an index is not exported as an image', async () => {
    const staging = await store.stage();
    const { digest } = await staging.put(Readable.from([Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }))]));
    await staging.commit([digest]);
    await staging.discard();
    await expect(planOciArchive(store, { manifestDigest: digest })).rejects.toMatchObject({ code: 'invalid_manifest' });
  });

  it('stops reading blobs when the reader goes away', async () => {
    const big = await layer({ 'data/blob': 'x'.repeat(4 * 1024 * 1024) });
    const imported = await importBuffer((await dockerArchive([big])).archive);
    const opened: Readable[] = [];
    const watched: BlobStore = Object.assign(Object.create(store) as BlobStore, {
      open: async (digest: string) => {
        const blob = await store.open(digest);
        opened.push(blob);
        return blob;
      },
    });
    const stream = exportOciArchive(watched, { manifestDigest: imported.manifestDigest });
    let read = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > 64 * 1024) break;
    }
    expect(stream.destroyed).toBe(true);
    expect(read).toBeLessThan(4 * 1024 * 1024);
    // the blob being copied is released, and no later blob is opened
    await waitFor(() => opened.every((blob) => blob.destroyed));
    expect(opened).toHaveLength(3);
  });
});
