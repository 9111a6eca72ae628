import { createReadStream } from 'node:fs';
import { type Readable } from 'node:stream';
import { type BlobSource, type ImageFilesystem, isOsReleaseCandidate, osReleaseOf, readImageFilesystem } from '@dhi/image';
import { MemoryBlobSource, tarEntries, type TarEntry } from '@dhi/testing';
import { wantsPermissionContent } from '../../src/index.js';

/** A layer entry (a local name for @dhi/testing's TarEntry). */
export type TarItem = TarEntry;

/** A layer tar of the given entries, in memory. */
export const tarOf = tarEntries;

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
