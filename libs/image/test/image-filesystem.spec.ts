import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, readImageFilesystem } from '../src/index.js';
import { gzip, tarOf, type TarItem } from './support/archive-builder.js';

let root: string;
let store: FileBlobStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-fs-'));
  store = new FileBlobStore(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Stores layer tars (gzip'd) as blobs and returns their descriptors. */
async function layers(...specs: TarItem[][]): Promise<{ digest: string }[]> {
  const staging = await store.stage();
  const out: { digest: string }[] = [];
  for (const spec of specs) {
    const blob = gzip(await tarOf(spec));
    out.push(await staging.put(Readable.from([blob])));
  }
  await staging.commit(out.map((l) => l.digest));
  await staging.discard();
  return out;
}

describe('readImageFilesystem', () => {
  it('applies whiteouts and keeps the history of deleted files', async () => {
    const image = await layers(
      [{ name: 'app/', type: 'directory' }, { name: 'app/config', data: 'v1' }, { name: 'app/secret.env', data: 'TOKEN=abc' }],
      [{ name: 'app/.wh.secret.env' }, { name: 'app/config', data: 'v2-longer' }],
    );
    const fs = await readImageFilesystem(image, store, { wantContent: (p) => p.startsWith('/app/') });
    expect([...fs.files.keys()].sort()).toEqual(['/app', '/app/config']);
    expect(fs.contents.get('/app/config')?.toString()).toBe('v2-longer');
    expect(fs.contents.has('/app/secret.env')).toBe(false);
    expect(fs.history.get('/app/secret.env')).toEqual([
      { layerIndex: 0, action: 'added', type: 'file', size: 9 },
      { layerIndex: 1, action: 'removed', type: null, size: 0 },
    ]);
    expect(fs.history.get('/app/config')?.map((e) => e.action)).toEqual(['added', 'changed']);
    expect(fs.files.get('/app/config')?.layerIndex).toBe(1);
    expect(fs.entryCount).toBe(5);
  });

  it('an opaque directory hides lower content but keeps its own layer entries', async () => {
    const image = await layers(
      [{ name: 'd/', type: 'directory' }, { name: 'd/old1', data: '1' }, { name: 'd/sub/old2', data: '2' }, { name: 'keep', data: 'k' }],
      [{ name: 'd/new', data: 'n' }, { name: 'd/.wh..wh..opq' }],
    );
    const fs = await readImageFilesystem(image, store);
    expect([...fs.files.keys()].sort()).toEqual(['/d', '/d/new', '/keep']);
  });

  it('a whiteout of a directory removes everything below it; a re-created directory starts empty', async () => {
    const image = await layers(
      [{ name: 'a/', type: 'directory' }, { name: 'a/foo', data: '' }],
      [{ name: '.wh.a' }],
      [{ name: 'a/', type: 'directory' }, { name: 'a/baz', data: '' }],
    );
    const fs = await readImageFilesystem(image, store);
    expect([...fs.files.keys()].sort()).toEqual(['/a', '/a/baz']);
    expect(fs.history.get('/a/foo')?.map((e) => e.action)).toEqual(['added', 'removed']);
  });

  it('a file replacing a directory replaces its children too', async () => {
    const image = await layers([{ name: 'x/', type: 'directory' }, { name: 'x/y', data: '1' }], [{ name: 'x', type: 'symlink', linkname: '/tmp' }]);
    const fs = await readImageFilesystem(image, store);
    expect([...fs.files.keys()]).toEqual(['/x']);
    expect(fs.files.get('/x')?.type).toBe('symlink');
  });

  it('enforces maxEntries across all layers', async () => {
    const image = await layers([{ name: 'a' }, { name: 'b' }], [{ name: 'c' }, { name: 'd' }]);
    await expect(readImageFilesystem(image, store, { limits: { maxEntries: 3 } })).rejects.toMatchObject({ code: 'limit_exceeded' });
  });

  it('fails with digest_mismatch when a stored layer was corrupted after it was verified', async () => {
    const plain = await tarOf([{ name: 'a', data: 'x'.repeat(2000) }]);
    const staging = await store.stage();
    const blob = await staging.put(Readable.from([plain]));
    await staging.commit([blob.digest]);
    await staging.discard();
    writeFileSync(store.pathOf(blob.digest), Buffer.from(plain).fill(0x79, 700, 701));
    await expect(readImageFilesystem([blob], store)).rejects.toMatchObject({ code: 'digest_mismatch' });
  });
});
