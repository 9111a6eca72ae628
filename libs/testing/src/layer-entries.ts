import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type BlobSource } from '@dhi/image';
import * as tar from 'tar-stream';

/** One raw entry of a test layer, as tar-stream names it; a whiteout is a file named `.wh.<name>`. */
export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device';
  data?: Buffer | string;
  linkname?: string;
  /** Permission bits with setuid/setgid/sticky (default 0o755 for directories, 0o644 for the rest). */
  mode?: number;
  uid?: number;
  gid?: number;
}

/** A layer tar of exactly these entries, in memory, with stable timestamps (hostile shapes included). */
export async function tarEntries(items: readonly TarEntry[]): Promise<Buffer> {
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

/** Layers kept in memory by digest (not verified on read); `opened` lists reads so a test sees what was re-read. */
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

/** An image of the given layers (uncompressed tars): its layer list and a source that serves them. */
export async function memoryImage(layers: readonly (readonly TarEntry[])[]): Promise<{ layers: { digest: string }[]; source: MemoryBlobSource }> {
  const source = new MemoryBlobSource();
  const digests = [];
  for (const items of layers) digests.push({ digest: source.add(await tarEntries(items)) });
  return { layers: digests, source };
}
