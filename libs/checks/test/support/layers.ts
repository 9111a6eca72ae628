import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { type BlobSource, type ImageFilesystem, isOsReleaseCandidate, osReleaseOf, readImageFilesystem } from '@dhi/image';
import { wantsPermissionContent } from '../../src/index.js';

export interface TarItem {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device';
  data?: Buffer | string;
  linkname?: string;
  /** Permission bits with setuid/setgid/sticky (default 0o755 for directories, 0o644 for the rest). */
  mode?: number;
  uid?: number;
  gid?: number;
}

/** A layer tar of the given entries, in memory (a local twin of the image lib's test builder). */
export async function tarOf(items: readonly TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const item of items) {
    const type = item.type ?? 'file';
    const mode = item.mode ?? (type === 'directory' ? 0o755 : 0o644);
    const header = { name: item.name, type, mode, uid: item.uid ?? 0, gid: item.gid ?? 0, linkname: item.linkname, mtime: new Date(0) };
    if (type === 'file') pack.entry(header, item.data ?? '');
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Layers kept in memory by digest. */
export class MemoryBlobSource implements BlobSource {
  readonly blobs = new Map<string, Buffer>();

  add(blob: Buffer): string {
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    this.blobs.set(digest, blob);
    return digest;
  }

  async open(digest: string): Promise<Readable> {
    const blob = this.blobs.get(digest);
    if (!blob) throw new Error(`no blob ${digest}`);
    return Readable.from([blob]);
  }
}

/** One uncompressed layer read straight from a tar file on disk (the cached Debian rootfs). */
export class TarFileBlobSource implements BlobSource {
  constructor(
    private readonly digest: string,
    private readonly path: string,
  ) {}

  async open(digest: string): Promise<Readable> {
    if (digest !== this.digest) throw new Error(`no blob ${digest}`);
    return createReadStream(this.path);
  }
}

export interface TestImage {
  layers: { digest: string }[];
  fs: ImageFilesystem;
  /** What the image's os-release says, as the scanner passes it on. */
  os: { id: string; versionId: string | null } | null;
  contentOf(path: string): Buffer | undefined;
}

/** Reads a filesystem the way the scanner does: readImageFilesystem, capturing what the permission checks and os-release need. */
export async function readTestImage(layers: { digest: string }[], source: BlobSource): Promise<TestImage> {
  const fs = await readImageFilesystem(layers, source, { wantContent: (path) => wantsPermissionContent(path) || isOsReleaseCandidate(path) });
  const release = osReleaseOf(fs);
  return { layers, fs, os: release && { id: release.id, versionId: release.versionId }, contentOf: (path) => fs.contents.get(path) };
}

/** An image of the given layers (each a list of tar entries), read into its final filesystem. */
export async function imageOf(...layerItems: TarItem[][]): Promise<TestImage> {
  const source = new MemoryBlobSource();
  const layers = [];
  for (const items of layerItems) layers.push({ digest: source.add(await tarOf(items)) });
  return readTestImage(layers, source);
}
