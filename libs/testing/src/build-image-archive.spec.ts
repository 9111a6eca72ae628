import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { computeInventory, FileBlobStore, importImageArchive, readImageFilesystem } from '@dhi/image';
import { buildImageArchive } from './build-image-archive.js';
import { sampleImageSpec } from './sample-image.js';

let root: string;
let store: FileBlobStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-fixtures-'));
  store = new FileBlobStore(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = [
  { format: 'docker-archive', gzip: false },
  { format: 'docker-archive', gzip: true },
  { format: 'oci-archive', gzip: false },
  { format: 'oci-archive', gzip: true },
] as const;

describe('buildImageArchive → importImageArchive round trip', () => {
  it.each(cases)('$format (gzip: $gzip)', async ({ format, gzip }) => {
    const archive = await buildImageArchive(sampleImageSpec(`${format}-${gzip}`), format, { gzip });
    const image = await importImageArchive(Readable.from([archive]), store);
    expect(image.format).toBe(format);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.layers).toHaveLength(3);
    expect(image.config.config).toMatchObject({ User: '1000', ExposedPorts: { '8080/tcp': {} }, WorkingDir: '/app' });
    for (const digest of [image.manifestDigest, image.configDigest, ...image.layers.map((l) => l.digest)]) {
      expect(await store.has(digest)).toBe(true);
    }
    expect(readdirSync(join(root, '.staging'))).toEqual([]);

    const inventory = await computeInventory(image, store);
    expect(inventory).toEqual({
      layerCount: 3,
      fileCount: 7,
      totalSize: image.layers.reduce((sum, l) => sum + l.size, 0),
      os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
    });

    const fs = await readImageFilesystem(image.layers, store, { wantContent: (p) => p === '/etc/passwd' });
    expect(fs.contents.get('/etc/passwd')?.toString()).toContain('app:x:1000');
    expect(fs.files.get('/tmp')?.mode).toBe(0o1777);
    expect(fs.history.get('/etc/passwd')?.map((e) => e.action)).toEqual(['added', 'changed']);
  });

  it('is deterministic: the same spec gives the same bytes', async () => {
    const spec = sampleImageSpec('same');
    expect((await buildImageArchive(spec, 'oci-archive')).equals(await buildImageArchive(spec, 'oci-archive'))).toBe(true);
  });

  it('uncompressed OCI layers keep the blob digest as diff id; other platforms are honoured', async () => {
    const spec = { ...sampleImageSpec('arm'), compressLayers: false, architecture: 'arm64' };
    const image = await importImageArchive(Readable.from([await buildImageArchive(spec, 'oci-archive')]), store, {
      platform: { os: 'linux', architecture: 'arm64' },
    });
    expect(image.layers.every((l) => l.digest === l.diffId && l.mediaType.endsWith('.tar'))).toBe(true);
    expect(image.platform.architecture).toBe('arm64');
  });
});
