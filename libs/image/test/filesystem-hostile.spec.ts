import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { FileBlobStore, importImageArchive, readImageFilesystem, resolveImagePath } from '../src/index.js';
import { dockerArchive, gzip, tarOf, withRawFirstName, type TarItem } from './support/archive-builder.js';

let root: string;
let store: FileBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-fs-hostile-'));
  store = new FileBlobStore(join(root, 'store'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Stores blobs as they are (no import checks), the way a layer already in the store is read later. */
async function stored(...blobs: (Buffer | AsyncIterable<Buffer>)[]): Promise<{ digest: string }[]> {
  const staging = await store.stage();
  const out: { digest: string }[] = [];
  for (const blob of blobs) out.push(await staging.put(Buffer.isBuffer(blob) ? Readable.from([blob]) : blob));
  await staging.commit(out.map((l) => l.digest));
  await staging.discard();
  return out;
}

const layers = async (...specs: TarItem[][]): Promise<{ digest: string }[]> => stored(...(await Promise.all(specs.map(async (s) => gzip(await tarOf(s))))));

/** A tar of `count` empty files, generated as a stream (never held in memory). */
async function* manyEntries(count: number): AsyncGenerator<Buffer> {
  const template = await tarOf([{ name: 'f0000000', data: '' }]);
  const header = template.subarray(0, 512);
  const batch: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = Buffer.from(header);
    entry.write(`f${String(i).padStart(7, '0')}`, 0, 'latin1');
    entry.fill(0x20, 148, 156);
    let sum = 0;
    for (let b = 0; b < 512; b += 1) sum += entry[b];
    entry.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    batch.push(entry);
    if (batch.length === 2048) yield Buffer.concat(batch.splice(0));
  }
  yield Buffer.concat([...batch, Buffer.alloc(1024)]);
}

describe('readImageFilesystem on hostile layers', () => {
  it('a file written through a symlink to outside lands inside the root, where the symlink leads', async () => {
    const image = await layers(
      [{ name: 'etc/', type: 'directory' }, { name: 'evil', type: 'symlink', linkname: '/etc' }, { name: 'up', type: 'symlink', linkname: '../../../../etc' }],
      [{ name: 'evil/passwd', data: 'root::0:0' }, { name: 'up/shadow', data: 'root::' }, { name: 'evil/../evil/cron', data: 'x' }],
    );
    const fs = await readImageFilesystem(image, store, { wantContent: () => true });
    expect([...fs.files.keys()].sort()).toEqual(['/etc', '/etc/cron', '/etc/passwd', '/etc/shadow', '/evil', '/up']);
    expect(fs.files.get('/evil')).toMatchObject({ type: 'symlink', linkTarget: '/etc' });
    expect(resolveImagePath(fs.files, '/evil/passwd')).toBe('/etc/passwd');
    expect(fs.contents.get('/etc/passwd')?.toString()).toBe('root::0:0');
    expect(fs.history.get('/etc/passwd')).toEqual([{ layerIndex: 1, action: 'added', type: 'file', size: 9 }]);
    expect(readdirSync(root)).toEqual(['store']);
  });

  it('a write through a symlink loop or through a regular file is refused, as an unpacker refuses it', async () => {
    const loop = await layers(
      [{ name: 'a', type: 'symlink', linkname: 'b' }, { name: 'b', type: 'symlink', linkname: 'a' }],
      [{ name: 'a/x', data: '1' }],
    );
    await expect(readImageFilesystem(loop, store)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('/a/x') });
    const throughFile = await layers([{ name: 'f', data: 'plain' }, { name: 'link', type: 'symlink', linkname: 'f' }], [{ name: 'link/x', data: '1' }]);
    await expect(readImageFilesystem(throughFile, store)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('/f is not a directory') });
  });

  it('hard links to outside or through a symlinked directory point inside the root', async () => {
    const image = await layers([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/passwd', data: 'root' },
      { name: 'evil', type: 'symlink', linkname: '/etc' },
      { name: 'out', type: 'link', linkname: '../../etc/passwd' },
      { name: 'via', type: 'link', linkname: 'evil/passwd' },
      { name: 'abs', type: 'link', linkname: '/../../etc/shadow' },
    ]);
    const fs = await readImageFilesystem(image, store);
    expect(fs.files.get('/out')?.linkTarget).toBe('/etc/passwd');
    expect(fs.files.get('/via')?.linkTarget).toBe('/etc/passwd');
    expect(fs.files.get('/abs')?.linkTarget).toBe('/etc/shadow');
  });

  it('a gzip bomb already in the store stops at the ratio limit', async () => {
    const image = await stored(gzip(await tarOf([{ name: 'zeros', data: Buffer.alloc(100_000_000) }])));
    await expect(readImageFilesystem(image, store)).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining('maxCompressionRatio') });
  });

  it('a truncated layer in the store is reported as truncated', async () => {
    const whole = gzip(await tarOf([{ name: 'a', data: 'x'.repeat(100_000) }, { name: 'b', data: 'y' }]));
    await expect(readImageFilesystem(await stored(whole.subarray(0, whole.length - 40)), store)).rejects.toMatchObject({ code: 'truncated' });
    const plain = await tarOf([{ name: 'a', data: 'x'.repeat(100_000) }]);
    await expect(readImageFilesystem(await stored(plain.subarray(0, 50_000)), store)).rejects.toMatchObject({ code: 'truncated' });
  });

  it('an archive entry with an invalid UTF-8 name is kept apart and the image still imports', async () => {
    const { archive } = await dockerArchive([await tarOf([{ name: 'a', data: '1' }])], {
      mutate: (items) => [{ name: 'xxxxxxxxxxxx', data: 'stray' }, ...items],
    });
    const hostile = withRawFirstName(archive, Buffer.from([0x2e, 0x2e, 0x2f, 0xff, 0xfe, 0x2f, 0xc3]));
    const image = await importImageArchive(Readable.from([hostile]), store);
    expect(image.layers).toHaveLength(1);
    expect(readdirSync(root)).toEqual(['store']);
  });

  it('a million tiny entries stop at maxEntries with bounded memory', async () => {
    const gz = createGzip({ level: 1 });
    Readable.from(manyEntries(1_000_000)).pipe(gz);
    const image = await stored(gz);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      await expect(readImageFilesystem(image, store)).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining('maxEntries') });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
