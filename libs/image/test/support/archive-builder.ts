import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';

export interface TarItem {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  data?: Buffer | string;
  linkname?: string;
  mode?: number;
  pax?: Record<string, string>;
}

export const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;
export const hexOf = (digest: string): string => digest.slice('sha256:'.length);
export const gzip = (data: Buffer): Buffer => gzipSync(data);

/** A tar archive of the given entries, in memory. */
export async function tarOf(items: TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const item of items) {
    const type = item.type ?? 'file';
    const header = { name: item.name, type, mode: item.mode ?? (type === 'directory' ? 0o755 : 0o644), linkname: item.linkname, pax: item.pax };
    if (type === 'file') pack.entry(header, item.data ?? '');
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Rewrites the first header's name with raw bytes (e.g. invalid UTF-8) and fixes its checksum. */
export function withRawFirstName(archive: Buffer, name: Buffer): Buffer {
  const copy = Buffer.from(archive);
  copy.fill(0, 0, 100);
  name.copy(copy, 0);
  copy.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i += 1) sum += copy[i];
  copy.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return copy;
}

export interface BuiltImage {
  archive: Buffer;
  configDigest: string;
  manifestDigest: string | null;
  layerDigests: string[];
  diffIds: string[];
}

function configFor(diffIds: string[], platform: { os: string; architecture: string }): Buffer {
  return Buffer.from(JSON.stringify({ ...platform, config: { User: '1000' }, rootfs: { type: 'layers', diff_ids: diffIds } }));
}

/** A docker save archive of plain layer tars; `mutate` may change the archive's entries before packing. */
export async function dockerArchive(
  layerTars: Buffer[],
  options: { platform?: { os: string; architecture: string }; mutate?: (items: TarItem[]) => TarItem[] } = {},
): Promise<BuiltImage> {
  const diffIds = layerTars.map((layer) => sha256(layer));
  const config = configFor(diffIds, options.platform ?? { os: 'linux', architecture: 'amd64' });
  const configDigest = sha256(config);
  const layerNames = diffIds.map((d) => `${hexOf(d)}/layer.tar`);
  let items: TarItem[] = [
    ...layerTars.map((data, i) => ({ name: layerNames[i], data })),
    { name: `${hexOf(configDigest)}.json`, data: config },
    { name: 'manifest.json', data: JSON.stringify([{ Config: `${hexOf(configDigest)}.json`, RepoTags: ['test:latest'], Layers: layerNames }]) },
  ];
  if (options.mutate) items = options.mutate(items);
  return { archive: await tarOf(items), configDigest, manifestDigest: null, layerDigests: diffIds, diffIds };
}

/** An OCI archive whose index lists one gzip-layered image per platform. */
export async function ociArchive(layerTars: Buffer[], platforms = [{ os: 'linux', architecture: 'amd64' }]): Promise<BuiltImage> {
  const blobs = new Map<string, Buffer>();
  const add = (data: Buffer): string => {
    const digest = sha256(data);
    blobs.set(digest, data);
    return digest;
  };
  const diffIds = layerTars.map((layer) => sha256(layer));
  const layers = layerTars.map((layer) => gzip(layer));
  const layerDigests = layers.map(add);
  const configDigests: string[] = [];
  const manifests = platforms.map((platform) => {
    const config = configFor(diffIds, platform);
    configDigests.push(sha256(config));
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: add(config), size: config.length },
      layers: layers.map((l, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigests[i], size: l.length })),
    }));
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: add(manifest), size: manifest.length, platform };
  });
  const index = { schemaVersion: 2, manifests };
  const items: TarItem[] = [
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: JSON.stringify(index) },
    ...[...blobs].map(([digest, data]) => ({ name: `blobs/sha256/${hexOf(digest)}`, data })),
  ];
  return { archive: await tarOf(items), configDigest: configDigests[0], manifestDigest: manifests[0].digest, layerDigests, diffIds };
}
