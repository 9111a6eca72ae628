import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore, isImageError, isRegistryError, MediaTypes, pullImage, type PullImageOptions } from '../../src/index.js';
import { dockerArchive, hexOf, ociArchive, sha256, tarOf } from '../support/archive-builder.js';
import { zstd } from '../support/zstd.js';
import { freePort, startTestRegistry, type TestRegistry } from './test-registry.js';


let dir: string;
let registry: TestRegistry;
let fixtureLayers: Buffer[];

async function freshStore(): Promise<FileBlobStore> {
  return new FileBlobStore(await mkdtemp(join(dir, 'store-')));
}

async function storedBlobs(store: FileBlobStore): Promise<string[]> {
  const digests: string[] = [];
  for await (const digest of store.list()) digests.push(digest);
  return digests.sort();
}

async function pushOci(repoTag: string, platform = { os: 'linux', architecture: 'amd64' }): Promise<string> {
  const built = await ociArchive(fixtureLayers, [platform]);
  const path = join(dir, `${repoTag.replace(/[/:]/g, '_')}.tar`);
  await writeFile(path, built.archive);
  return registry.push(path, 'oci-archive', repoTag);
}

/** Pushes one image per platform, then an OCI index naming them, as `<repo>:<tag>`. */
async function pushIndex(repo: string, tag: string, platforms: { os: string; architecture: string; variant?: string }[]): Promise<string> {
  const manifests = [];
  for (const platform of platforms) {
    const digest = await pushOci(`${repo}:${platform.architecture}`, platform);
    const response = await fetch(`http://${registry.host}/v2/${repo}/manifests/${digest}`, { headers: { accept: MediaTypes.ociManifest } });
    manifests.push({ mediaType: MediaTypes.ociManifest, digest, size: (await response.arrayBuffer()).byteLength, platform });
  }
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests }));
  await registry.putManifest(repo, tag, MediaTypes.ociIndex, index);
  return sha256(index);
}

const options = (extra: PullImageOptions = {}): PullImageOptions => ({ transport: { retries: 0, requestTimeoutMs: 5_000 }, ...extra });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dhi-pull-'));
  registry = await startTestRegistry();
  fixtureLayers = [
    await tarOf([{ name: 'etc/', type: 'directory' }, { name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' }]),
    await tarOf([{ name: 'app/run.sh', data: '#!/bin/sh\necho hi\n', mode: 0o755 }]),
  ];
});

afterAll(async () => {
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('pullImage against a real registry (anonymous)', () => {
  it('pulls an OCI image by tag and stores manifest, config and layers, verified', async () => {
    const digest = await pushOci('dhi/app:1.0');
    const store = await freshStore();
    const progress: string[] = [];
    const image = await pullImage(`${registry.host}/dhi/app:1.0`, store, options({ progress: (line) => void progress.push(line) }));
    expect(image.manifestDigest).toBe(digest);
    expect(image.manifestMediaType).toBe(MediaTypes.ociManifest);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.layers.map((l) => l.diffId)).toEqual(fixtureLayers.map(sha256));
    expect(image.pulledReference).toBe(`${registry.host}/dhi/app:1.0@${digest}`);
    expect(await storedBlobs(store)).toEqual([...image.layers.map((l) => l.digest), image.configDigest, image.manifestDigest].sort());
    expect(progress.join('\n')).toMatch(/layer 2 \(sha256:[0-9a-f]{64}\): \d+ bytes, digest and diff id verified/);
  });

  it('pulls a docker v2 image pushed from a docker archive', async () => {
    const built = await dockerArchive(fixtureLayers);
    const path = join(dir, 'docker.tar');
    await writeFile(path, built.archive);
    const digest = await registry.push(path, 'docker-archive', 'dhi/docker:2');
    const image = await pullImage(`${registry.host}/dhi/docker:2`, await freshStore(), options());
    expect(image.manifestDigest).toBe(digest);
    expect(image.manifestMediaType).toBe(MediaTypes.dockerManifest);
    expect(image.configDigest).toBe(built.configDigest);
  });

  it('pulls by digest, and refuses a digest the repository does not have', async () => {
    const digest = await pushOci('dhi/bydigest:x');
    const image = await pullImage(`${registry.host}/dhi/bydigest@${digest}`, await freshStore(), options());
    expect(image.manifestDigest).toBe(digest);
    const unknown = `sha256:${'0'.repeat(64)}`;
    const error = await pullImage(`${registry.host}/dhi/bydigest@${unknown}`, await freshStore(), options()).catch((e: unknown) => e);
    expect(isRegistryError(error, 'registry_not_found')).toBe(true);
    expect((error as Error).message).toContain(`no manifest ${unknown} in dhi/bydigest`);
  });

  it('resolves an index to linux/amd64 by default, and to another platform when asked', async () => {
    const indexDigest = await pushIndex('dhi/multi', 'latest', [
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
    ]);
    const amd64 = await pullImage(`${registry.host}/dhi/multi:latest`, await freshStore(), options());
    expect(amd64.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    const arm64 = await pullImage(`${registry.host}/dhi/multi@${indexDigest}`, await freshStore(), options({ platform: { os: 'linux', architecture: 'arm64' } }));
    expect(arm64.platform).toMatchObject({ os: 'linux', architecture: 'arm64' });
    expect(arm64.manifestDigest).not.toBe(amd64.manifestDigest);
  });

  it('answers no_matching_platform listing the platforms the index has', async () => {
    await pushIndex('dhi/foreign', 'latest', [{ os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 's390x' }]);
    const store = await freshStore();
    const error = await pullImage(`${registry.host}/dhi/foreign`, store, options()).catch((e: unknown) => e);
    expect(isImageError(error, 'no_matching_platform')).toBe(true);
    expect((error as Error).message).toContain('has no image for linux/amd64; it has: linux/arm64, linux/s390x');
    expect(await storedBlobs(store)).toEqual([]);
  });

  it('says clearly when the repository or the tag does not exist', async () => {
    const noRepo = await pullImage(`${registry.host}/dhi/nothing:1`, await freshStore(), options()).catch((e: unknown) => e);
    expect(isRegistryError(noRepo, 'registry_not_found')).toBe(true);
    expect((noRepo as Error).message).toMatch(/has no (repository dhi\/nothing|tag 1 in dhi\/nothing)/);
    await pushOci('dhi/tagged:present');
    const noTag = await pullImage(`${registry.host}/dhi/tagged:absent`, await freshStore(), options()).catch((e: unknown) => e);
    expect(isRegistryError(noTag, 'registry_not_found')).toBe(true);
    expect((noTag as Error).message).toContain('has no tag absent in dhi/tagged');
  });

  it('pulls an image whose layer is zstd-compressed, verifying its diff id', async () => {
    const layer = fixtureLayers[0];
    const blob = zstd(layer);
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha256(layer)] } }));
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, digest: sha256(config), size: config.length },
      layers: [{ mediaType: MediaTypes.ociLayerZstd, digest: sha256(blob), size: blob.length }],
    }));
    const index = { schemaVersion: 2, manifests: [{ mediaType: MediaTypes.ociManifest, digest: sha256(manifest), size: manifest.length }] };
    const archive = await tarOf([
      { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
      { name: 'index.json', data: JSON.stringify(index) },
      ...[blob, config, manifest].map((data) => ({ name: `blobs/sha256/${hexOf(sha256(data))}`, data })),
    ]);
    const path = join(dir, 'zstd.tar');
    await writeFile(path, archive);
    await registry.push(path, 'oci-archive', 'dhi/zstd:1');
    const image = await pullImage(`${registry.host}/dhi/zstd:1`, await freshStore(), options());
    expect(image.layers).toEqual([{ digest: sha256(blob), size: blob.length, mediaType: MediaTypes.ociLayerZstd, diffId: sha256(layer) }]);
  });

  it('fails with digest_mismatch on a corrupted blob and commits nothing', async () => {
    const layer = await tarOf([{ name: 'corrupt-me', data: 'x'.repeat(4096) }]);
    const built = await ociArchive([layer]);
    const path = join(dir, 'corrupt.tar');
    await writeFile(path, built.archive);
    await registry.push(path, 'oci-archive', 'dhi/corrupt:1');
    const blob = registry.blobPath(built.layerDigests[0]);
    const bytes = await readFile(blob);
    bytes[bytes.length - 20] ^= 0xff;
    await writeFile(blob, bytes);
    const store = await freshStore();
    const error = await pullImage(`${registry.host}/dhi/corrupt:1`, store, options()).catch((e: unknown) => e);
    expect(isImageError(error, 'digest_mismatch')).toBe(true);
    expect((error as Error).message).toContain(built.layerDigests[0]);
    expect(await storedBlobs(store)).toEqual([]);
  });

  it('refuses a manifest larger than the limit and an unreachable registry', async () => {
    await pushOci('dhi/limits:1');
    const big = await pullImage(`${registry.host}/dhi/limits:1`, await freshStore(), options({ limits: { maxManifestBytes: 100 } })).catch((e: unknown) => e);
    expect(isImageError(big, 'limit_exceeded')).toBe(true);
    expect((big as Error).message).toContain('maxManifestBytes');
    const closed = await pullImage(`127.0.0.1:${await freePort()}/dhi/app:1`, await freshStore(), options()).catch((e: unknown) => e);
    expect(isRegistryError(closed, 'registry_unreachable')).toBe(true);
    expect((closed as Error).message).toContain('ECONNREFUSED');
  });
});
