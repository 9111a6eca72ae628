import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive, readImageFilesystem, type ImageErrorCode, type ImportOptions } from '../src/index.js';
import { dockerArchive, gzip, hexOf, ociArchive, tarOf, type TarItem } from './support/archive-builder.js';

let root: string;
let storeDir: string;
let store: FileBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-hostile-'));
  storeDir = join(root, 'store');
  store = new FileBlobStore(storeDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const layer = (files: Record<string, string>): Promise<Buffer> => tarOf(Object.entries(files).map(([name, data]) => ({ name, data })));

async function blobsInStore(): Promise<string[]> {
  const all: string[] = [];
  for await (const digest of store.list()) all.push(digest);
  return all;
}

/** The import fails with `code`, commits nothing, leaves no staging behind and writes nothing outside the store. */
async function expectRejected(archive: Buffer, code: ImageErrorCode, options?: ImportOptions): Promise<Error> {
  const error = await importImageArchive(Readable.from([archive]), store, options).catch((e: Error) => e);
  expect(error).toMatchObject({ name: 'ImageError', code });
  expect(await blobsInStore()).toEqual([]);
  expect(readdirSync(join(storeDir, '.staging'))).toEqual([]);
  expect(readdirSync(root)).toEqual(['store']);
  return error as Error;
}

describe('importImageArchive on hostile input', () => {
  it('random bytes are not an image', async () => {
    await expectRejected(randomBytes(64 * 1024), 'not_an_image');
  });

  it('random bytes behind a gzip header are a truncated/corrupt archive', async () => {
    await expectRejected(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), randomBytes(4096)]), 'truncated');
  });

  it('an empty upload is not an image', async () => {
    await expectRejected(Buffer.alloc(0), 'not_an_image');
  });

  it('a tar that stops in the middle of an entry is truncated (plain and gzip)', async () => {
    const { archive } = await dockerArchive([await layer({ 'etc/hostname': 'x'.repeat(5000) })]);
    await expectRejected(archive.subarray(0, 3000), 'truncated');
    await expectRejected(gzip(archive).subarray(0, 200), 'truncated');
  });

  it('a flipped byte in a docker layer fails the diff id check', async () => {
    const tarball = await layer({ 'etc/hostname': 'hello' });
    const { archive } = await dockerArchive([tarball], {
      mutate: (items) => items.map((i) => (i.name.endsWith('layer.tar') ? { ...i, data: Buffer.from(tarball).fill(0x41, 600, 601) } : i)),
    });
    await expectRejected(archive, 'digest_mismatch');
  });

  it('a flipped byte in an OCI blob fails its name check', async () => {
    const { archive, layerDigests } = await ociArchive([await layer({ 'etc/hostname': 'hello' })]);
    const name = `blobs/sha256/${hexOf(layerDigests[0])}`;
    const at = archive.indexOf(Buffer.from(name)) + 512 + 20;
    const corrupt = Buffer.from(archive);
    corrupt[at] ^= 0xff;
    await expectRejected(corrupt, 'digest_mismatch');
  });

  it('a docker config whose content does not match its hex name is refused', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], {
      mutate: (items) => items.map((i) => (i.name.endsWith('.json') && i.name !== 'manifest.json' ? { ...i, data: `${String(i.data)} ` } : i)),
    });
    await expectRejected(archive, 'digest_mismatch');
  });

  it('a manifest naming a layer that is not in the archive is a missing blob', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], { mutate: (items) => items.filter((i) => !i.name.endsWith('layer.tar')) });
    const error = await expectRejected(archive, 'missing_blob');
    expect(error.message).toContain('layer.tar');
  });

  it('an index without the wanted platform lists the available ones', async () => {
    const { archive } = await ociArchive([await layer({ a: '1' })], [
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 's390x' },
    ]);
    const error = await expectRejected(archive, 'no_matching_platform');
    expect(error.message).toContain('linux/amd64');
    expect(error.message).toContain('linux/arm64');
    expect(error.message).toContain('linux/s390x');
  });

  it('picks the requested platform from a multi-platform index', async () => {
    const { archive } = await ociArchive([await layer({ a: '1' })], [
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'amd64' },
    ]);
    const image = await importImageArchive(Readable.from([archive]), store, { platform: { os: 'linux', architecture: 'arm64' } });
    expect(image.platform).toEqual({ os: 'linux', architecture: 'arm64' });
  });

  it('archive entries with traversal or absolute names stay inside the archive namespace', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], {
      mutate: (items): TarItem[] => [
        ...items.map((i) => (i.name.endsWith('layer.tar') ? { ...i, name: `../../../${i.name}` } : i)),
        { name: '/tmp/evil', data: 'x' },
        { name: '../../../../etc/evil', data: 'y' },
      ],
    });
    const image = await importImageArchive(Readable.from([archive]), store);
    expect(image.layers).toHaveLength(1);
    expect(readdirSync(root)).toEqual(['store']);
    // only the image's own blobs are committed, not the stray entries
    expect((await blobsInStore()).sort()).toEqual([...image.layers.map((l) => l.digest), image.configDigest, image.manifestDigest].sort());
  });

  it('layer entries that climb above the root land inside it', async () => {
    const evil = await tarOf([
      { name: '../../etc/passwd', data: 'root:x:0:0' },
      { name: '/abs/file', data: 'a' },
      { name: 'a/../../../b', data: 'b' },
      { name: 'link', type: 'symlink', linkname: '../../../../etc/shadow' },
      { name: 'hard', type: 'link', linkname: '../../../etc/passwd' },
    ]);
    const { archive } = await dockerArchive([evil]);
    const image = await importImageArchive(Readable.from([archive]), store);
    const fs = await readImageFilesystem(image.layers, store);
    expect([...fs.files.keys()].sort()).toEqual(['/abs/file', '/b', '/etc/passwd', '/hard', '/link']);
    expect(fs.files.get('/hard')?.linkTarget).toBe('/etc/passwd');
    expect(fs.files.get('/link')?.linkTarget).toBe('../../../../etc/shadow');
  });

  it('an archive over maxArchiveBytes is refused, naming the limit', async () => {
    const { archive } = await dockerArchive([await layer({ big: 'x'.repeat(100_000) })]);
    const error = await expectRejected(archive, 'limit_exceeded', { limits: { maxArchiveBytes: 50_000 } });
    expect(error.message).toContain('maxArchiveBytes');
  });

  it('a gzip bomb is stopped by the compression ratio limit', async () => {
    const { archive } = await dockerArchive([await layer({ zeros: '\0'.repeat(20_000_000) })]);
    const error = await expectRejected(gzip(archive), 'limit_exceeded');
    expect(error.message).toContain('maxCompressionRatio');
  });

  it('a compressed layer past maxDecompressedBytes is refused', async () => {
    const { archive } = await ociArchive([await layer({ data: randomBytes(300_000).toString('hex') })]);
    const error = await expectRejected(archive, 'limit_exceeded', { limits: { maxDecompressedBytes: 100_000 } });
    expect(error.message).toContain('maxDecompressedBytes');
  });

  it('too many entries and too long names are limits', async () => {
    const many = await tarOf(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: '' })));
    await expectRejected(many, 'limit_exceeded', { limits: { maxEntries: 10 } });
    const long = await tarOf([{ name: `${'d/'.repeat(3000)}f`, data: '' }]);
    await expectRejected(long, 'limit_exceeded');
  });

  it('a huge manifest.json is refused before it is read', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], {
      mutate: (items) => items.map((i) => (i.name === 'manifest.json' ? { ...i, data: `${String(i.data)}${' '.repeat(2048)}` } : i)),
    });
    const error = await expectRejected(archive, 'limit_exceeded', { limits: { maxManifestBytes: 1024 } });
    expect(error.message).toContain('maxManifestBytes');
  });

  it('a manifest.json that is not a list of images is invalid', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], {
      mutate: (items) => items.map((i) => (i.name === 'manifest.json' ? { ...i, data: '{"Config": 1}' } : i)),
    });
    await expectRejected(archive, 'invalid_manifest');
  });

  it('a layer with the zstd magic and garbage after it is corrupt', async () => {
    // a plain frame header (no dictionary, 1 MiB window), then noise where blocks should be
    const zstdish = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50]), randomBytes(100)]);
    const { archive } = await dockerArchive([zstdish]);
    await expectRejected(archive, 'truncated');
  });

  it('a symlink loop between archive entries is refused cleanly', async () => {
    const { archive } = await dockerArchive([await layer({ a: '1' })], {
      mutate: (items) => [
        ...items.map((i): TarItem => (i.name.endsWith('layer.tar') ? { name: i.name, type: 'symlink', linkname: '../loop-a' } : i)),
        { name: 'loop-a', type: 'symlink', linkname: 'loop-b' },
        { name: 'loop-b', type: 'symlink', linkname: './loop-a' },
      ],
    });
    await expectRejected(archive, 'invalid_manifest');
  });

  it('an upload that breaks off surfaces the transport error and leaves nothing behind', async () => {
    const { archive } = await dockerArchive([await layer({ a: 'x'.repeat(50_000) })]);
    async function* aborted(): AsyncGenerator<Buffer> {
      yield archive.subarray(0, 20_000);
      throw new Error('client disconnected');
    }
    await expect(importImageArchive(Readable.from(aborted()), store)).rejects.toThrow('client disconnected');
    expect(await blobsInStore()).toEqual([]);
    expect(readdirSync(join(storeDir, '.staging'))).toEqual([]);
  });

  it('parallel imports of the same image both succeed and store each blob once', async () => {
    const { archive } = await ociArchive([await layer({ a: '1' }), await layer({ b: '2' })]);
    const [one, two] = await Promise.all([1, 2].map(() => importImageArchive(Readable.from([archive]), store)));
    expect(one).toEqual(two);
    expect(await blobsInStore()).toHaveLength(4);
  });
});
