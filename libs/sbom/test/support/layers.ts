import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { type BlobSource } from '@dhi/image';

export interface TarItem {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  data?: Buffer | string;
  linkname?: string;
  /** Permission bits (default 0o755 for directories, 0o644 for the rest). */
  mode?: number;
}

/** A layer tar of the given entries, in memory (a local twin of the image lib's test builder). */
export async function tarOf(items: TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const item of items) {
    const type = item.type ?? 'file';
    const header = { name: item.name, type, mode: item.mode ?? (type === 'directory' ? 0o755 : 0o644), linkname: item.linkname, mtime: new Date(0) };
    if (type === 'file') pack.entry(header, item.data ?? '');
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Layers kept in memory by digest; `opened` counts reads so tests can see which layers a catalog re-read. */
export class MemoryBlobSource implements BlobSource {
  readonly blobs = new Map<string, Buffer>();
  readonly opened: string[] = [];

  add(blob: Buffer): string {
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    this.blobs.set(digest, blob);
    return digest;
  }

  async open(digest: string): Promise<Readable> {
    const blob = this.blobs.get(digest);
    if (!blob) throw new Error(`no blob ${digest}`);
    this.opened.push(digest);
    return Readable.from([blob]);
  }
}

/** An image of the given layers: its layer list and a source that serves them. */
export async function imageOf(layers: TarItem[][]): Promise<{ layers: { digest: string }[]; source: MemoryBlobSource }> {
  const source = new MemoryBlobSource();
  const digests = [];
  for (const items of layers) digests.push({ digest: source.add(await tarOf(items)) });
  return { layers: digests, source };
}
