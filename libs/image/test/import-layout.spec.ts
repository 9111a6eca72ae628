import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive, importImageLayout, readImageFilesystem, type ImageErrorCode, type ImportOptions } from '../src/index.js';
import { hexOf } from './support/archive-builder.js';
import { corporaDir } from './support/corpora.js';
import { writeOciLayout } from './support/oci-layout-dir.js';
import { tarDirectory } from './support/oci-layout-tar.js';

let root: string;
let store: FileBlobStore;
let layout: string;

const LAYERS = [
  [{ name: 'etc/', type: 'directory' as const }, { name: 'etc/os-release', data: 'ID=test\n' }],
  [{ name: 'app', data: 'x'.repeat(10_000) }],
];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-layout-'));
  store = new FileBlobStore(join(root, 'store'));
  layout = join(root, 'layout');
  await writeOciLayout(layout, LAYERS);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function storedBlobs(): Promise<string[]> {
  const all: string[] = [];
  for await (const digest of store.list()) all.push(digest);
  return all;
}

/** The import fails with `code`, commits nothing and leaves no staging area behind. */
async function expectRejected(code: ImageErrorCode, message?: string, options?: ImportOptions): Promise<void> {
  await expect(importImageLayout(layout, store, options)).rejects.toMatchObject({ name: 'ImageError', code, ...(message ? { message: expect.stringContaining(message) } : {}) });
  expect(await storedBlobs()).toEqual([]);
  expect(readdirSync(join(root, 'store', '.staging'))).toEqual([]);
}

const blobPath = (digest: string): string => join(layout, 'blobs', 'sha256', hexOf(digest));

describe('importImageLayout', () => {
  it('imports a layout directory exactly as the same layout tarred would be imported', async () => {
    const fromDir = await importImageLayout(layout, store);
    const fromArchive = await importImageArchive(Readable.from([await tarDirectory(layout)]), new FileBlobStore(join(root, 'other')));
    expect(fromDir).toEqual(fromArchive);
    expect((await storedBlobs()).sort()).toEqual([...fromDir.layers.map((l) => l.digest), fromDir.configDigest, fromDir.manifestDigest].sort());
    const fs = await readImageFilesystem(fromDir.layers, store);
    expect([...fs.files.keys()].sort()).toEqual(['/app', '/etc', '/etc/os-release']);
  });

  it('reads only the blobs the index reaches: a stray or huge unrelated file is never read', async () => {
    writeFileSync(join(layout, 'blobs', 'sha256', 'not-a-digest'), 'junk');
    writeFileSync(join(layout, 'blobs', 'sha256', 'a'.repeat(64)), 'unreferenced');
    const image = await importImageLayout(layout, store, { limits: { maxArchiveBytes: 20_000 } });
    expect(image.layers).toHaveLength(2);
  });

  it('imports the corpus layouts the archive route accepts', async () => {
    const image = await importImageLayout(join(corporaDir(), 'images', 'oci-layout', 'trivy-test_image_tag.oci'), store);
    expect(image.format).toBe('oci-archive');
    await expect(importImageLayout(join(corporaDir(), 'images', 'oci-layout', 'trivy-test_invalid_oci_image.oci'), store)).rejects.toMatchObject({
      code: 'missing_blob',
    });
  });

  it('never follows a symlinked blob, blobs directory or index out of the layout', async () => {
    const { layerDigests } = await writeOciLayout(layout, LAYERS);
    const outside = join(root, 'outside');
    mkdirSync(outside);
    renameSync(blobPath(layerDigests[0]), join(outside, 'layer'));
    symlinkSync(join(outside, 'layer'), blobPath(layerDigests[0]));
    await expectRejected('invalid_manifest', 'symbolic link');

    rmSync(layout, { recursive: true });
    await writeOciLayout(layout, LAYERS);
    renameSync(join(layout, 'blobs'), join(outside, 'blobs'));
    symlinkSync(join(outside, 'blobs'), join(layout, 'blobs'));
    await expectRejected('invalid_manifest', 'not a directory');

    rmSync(layout, { recursive: true });
    await writeOciLayout(layout, LAYERS);
    renameSync(join(layout, 'index.json'), join(outside, 'index.json'));
    symlinkSync(join(outside, 'index.json'), join(layout, 'index.json'));
    await expectRejected('invalid_manifest', 'index.json');
  });

  it('missing, corrupt, resized and oversized inputs fail with their reasons and commit nothing', async () => {
    const { layerDigests } = await writeOciLayout(layout, LAYERS);
    appendFileSync(blobPath(layerDigests[1]), 'x');
    await expectRejected('digest_mismatch', 'descriptor says');
    truncateSync(blobPath(layerDigests[1]), 3);
    await expectRejected('digest_mismatch');
    rmSync(blobPath(layerDigests[1]));
    await expectRejected('missing_blob', layerDigests[1]);
    await expectRejected('limit_exceeded', 'maxArchiveBytes', { limits: { maxArchiveBytes: 100 } });
    writeFileSync(join(layout, 'index.json'), '{');
    await expectRejected('invalid_manifest', 'index.json');
    rmSync(join(layout, 'index.json'));
    await expectRejected('not_an_image');
  });

  it('a blob whose bytes differ from its name is a digest mismatch even at the right size', async () => {
    const { layerDigests } = await writeOciLayout(layout, LAYERS);
    const path = blobPath(layerDigests[1]);
    writeFileSync(path, Buffer.from(readFileSync(path)).fill(0x41, 20, 21));
    await expectRejected('digest_mismatch', 'does not match its name');
  });
});
