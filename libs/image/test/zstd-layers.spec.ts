import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive, MediaTypes, readImageFilesystem, walkLayer, type ImportedImage } from '../src/index.js';
import { dockerArchive, hexOf, sha256, tarOf, type TarItem } from './support/archive-builder.js';
import { zstd } from './support/zstd.js';

let root: string;
let store: FileBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-zstd-'));
  store = new FileBlobStore(join(root, 'store'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const ITEMS: TarItem[] = [
  { name: 'etc/', type: 'directory' },
  { name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' },
  { name: 'bin/tool', data: randomBytes(300_000), mode: 0o755 },
  { name: 'bin/alias', type: 'symlink', linkname: 'tool' },
];

async function paths(layer: Buffer): Promise<string[]> {
  const seen: string[] = [];
  await walkLayer(Readable.from([layer]), (entry) => {
    seen.push(entry.path);
  });
  return seen;
}

/** An OCI archive whose layers are stored exactly as given (zstd blobs, named +zstd). */
async function ociWithBlobs(tars: Buffer[], blobs: Buffer[]): Promise<Buffer> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: tars.map(sha256) } }));
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaTypes.ociManifest,
    config: { mediaType: MediaTypes.ociConfig, digest: sha256(config), size: config.length },
    layers: blobs.map((blob) => ({ mediaType: MediaTypes.ociLayerZstd, digest: sha256(blob), size: blob.length })),
  }));
  const index = { schemaVersion: 2, manifests: [{ mediaType: MediaTypes.ociManifest, digest: sha256(manifest), size: manifest.length }] };
  return tarOf([
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: JSON.stringify(index) },
    ...[...blobs, config, manifest].map((data) => ({ name: `blobs/sha256/${hexOf(sha256(data))}`, data })),
  ]);
}

describe('zstd layers', () => {
  it('walks a zstd layer like a plain one, across multiple frames and skippable frames', async () => {
    const tar = await tarOf(ITEMS);
    const expected = ['/etc', '/etc/os-release', '/bin/tool', '/bin/alias'];
    expect(await paths(zstd(tar))).toEqual(expected);
    expect(await paths(zstd(tar, ['-19']))).toEqual(expected);
    // two frames back to back, with a skippable frame between them, decode as one stream
    const skippable = Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0]), Buffer.from('abc')]);
    expect(await paths(Buffer.concat([zstd(tar.subarray(0, 1024)), skippable, zstd(tar.subarray(1024))]))).toEqual(expected);
  });

  it('imports an OCI archive with zstd layers and a docker archive whose layer is zstd', async () => {
    const tars = [await tarOf(ITEMS), await tarOf([{ name: 'etc/.wh.os-release' }, { name: 'app', data: 'v2' }])];
    const oci = await importImageArchive(Readable.from([await ociWithBlobs(tars, tars.map((t) => zstd(t)))]), store);
    expect(oci.layers.map((l) => l.diffId)).toEqual(tars.map(sha256));
    expect(oci.layers.every((l) => l.mediaType === MediaTypes.ociLayerZstd)).toBe(true);
    const fs = await readImageFilesystem(oci.layers, store, { wantContent: (p) => p === '/app' });
    // /bin is never declared by the layer, so it is not an entry of the filesystem
    expect([...fs.files.keys()].sort()).toEqual(['/app', '/bin/alias', '/bin/tool', '/etc']);
    expect(fs.contents.get('/app')?.toString()).toBe('v2');
    expect(fs.history.get('/etc/os-release')?.map((e) => e.action)).toEqual(['added', 'removed']);

    const blob = zstd(tars[0]);
    const docker = await importDockerArchive(blob, tars[0]);
    expect(docker.layers[0]).toMatchObject({ mediaType: MediaTypes.ociLayerZstd, digest: sha256(blob), diffId: sha256(tars[0]) });
  });

  it('a zstd bomb stops at the ratio limit, and a large stream at maxDecompressedBytes', async () => {
    const bomb = zstd(await tarOf([{ name: 'zeros', data: Buffer.alloc(200_000_000) }]), ['-19']);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(paths(bomb)).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining('maxCompressionRatio') });
    const { archive } = await dockerArchive([bomb]);
    await expect(importImageArchive(Readable.from([archive]), store)).rejects.toMatchObject({ code: 'limit_exceeded' });
    const random = zstd(await tarOf([{ name: 'r', data: randomBytes(2_000_000) }]));
    await expect(walkLayer(Readable.from([random]), () => undefined, { limits: { maxDecompressedBytes: 1_000_000 } })).rejects.toMatchObject({
      code: 'limit_exceeded',
      message: expect.stringContaining('maxDecompressedBytes'),
    });
  });

  it('truncated or damaged zstd data is reported as truncated', async () => {
    const layer = zstd(await tarOf(ITEMS));
    await expect(paths(layer.subarray(0, layer.length - 200))).rejects.toMatchObject({ code: 'truncated' });
    await expect(paths(layer.subarray(0, 9))).rejects.toMatchObject({ code: 'truncated' });
    const flipped = Buffer.from(layer);
    for (let at = 40; at < flipped.length; at += 997) flipped[at] ^= 0x5a;
    await expect(paths(flipped)).rejects.toMatchObject({ name: 'ImageError' });
    const { archive } = await dockerArchive([layer.subarray(0, layer.length - 200)]);
    await expect(importImageArchive(Readable.from([archive]), store)).rejects.toMatchObject({ code: 'truncated' });
  });

  it('refuses a window larger than zstd itself decodes by default before allocating it', async () => {
    const long = zstd(await tarOf([{ name: 'f', data: randomBytes(1000) }]), ['--long=31', '--no-content-size']);
    await expect(paths(long)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('window') });
    // a hand-made frame header: window descriptor 0xf8 claims 2^41 bytes
    const header = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0x01, 0x00, 0x00]);
    await expect(paths(header)).rejects.toMatchObject({ code: 'unsupported' });
  });
});

/** Imports a docker archive whose layer file is a zstd blob (the compression is found from the content, not the name). */
async function importDockerArchive(blob: Buffer, tar: Buffer): Promise<ImportedImage> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha256(tar)] } }));
  const configName = `${hexOf(sha256(config))}.json`;
  const built = await tarOf([
    { name: 'layer.tar.zst', data: blob },
    { name: configName, data: config },
    { name: 'manifest.json', data: JSON.stringify([{ Config: configName, Layers: ['layer.tar.zst'] }]) },
  ]);
  return importImageArchive(Readable.from([built]), store);
}
