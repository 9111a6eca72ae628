import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore, importImageArchive, readImageFilesystem } from '@dhi/image';
import { fileLayerImageArchive } from './file-layer-archive.js';
import { layerTar } from './fixture-tar.js';
import { fileSha256 } from './run-tool.js';

let root: string;
let store: FileBlobStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-file-layer-'));
  store = new FileBlobStore(join(root, 'store'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fileLayerImageArchive', () => {
  it('streams a tar file from disk as the single layer of an importable docker archive', async () => {
    const path = join(root, 'layer.tar');
    writeFileSync(path, await layerTar([{ path: 'etc/' }, { path: 'etc/hostname', content: 'box\n' }, { path: 'usr/bin/tool', content: 'x'.repeat(70_000) }]));
    const { digest, size } = await fileSha256(path);

    const image = await importImageArchive(fileLayerImageArchive({ path, digest, size }), store);
    expect(image.format).toBe('docker-archive');
    expect(image.layers.map((layer) => [layer.digest, layer.size, layer.diffId])).toEqual([[digest, size, digest]]);
    const fs = await readImageFilesystem(image.layers, store);
    expect([...fs.files.keys()].sort()).toEqual(['/etc', '/etc/hostname', '/usr/bin/tool']);
    expect(fs.files.get('/usr/bin/tool')?.size).toBe(70_000);
  });

  it('fails the import when the file is not what the layer claims', async () => {
    const path = join(root, 'other.tar');
    writeFileSync(path, await layerTar([{ path: 'a', content: 'a' }]));
    const { size } = await fileSha256(path);
    const wrongDigest = `sha256:${'0'.repeat(64)}`;
    await expect(importImageArchive(fileLayerImageArchive({ path, digest: wrongDigest, size }), store)).rejects.toMatchObject({ code: 'digest_mismatch' });
    await expect(importImageArchive(fileLayerImageArchive({ path, digest: wrongDigest, size: size + 512 }), store)).rejects.toThrow();
  });
});
