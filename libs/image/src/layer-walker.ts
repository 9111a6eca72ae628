import { type Readable } from 'node:stream';
import { openDecompressed } from './compression.js';
import { resolveLimits, type ImageLimits } from './limits.js';
import { neutraliseNul, normaliseImagePath } from './paths.js';
import { readTar } from './tar-reader.js';

export type LayerEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface LayerEntry {
  /** Normalised and absolute inside the image: `/etc/os-release`; never above `/`. */
  path: string;
  type: LayerEntryType;
  /** Permission bits including setuid, setgid and sticky (no file-type bits). */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of a regular file; 0 for everything else. */
  size: number;
  /** A symlink's target exactly as stored (never followed); a hard link's target normalised like `path`. */
  linkTarget: string | null;
}

/** Reads the current entry's first maxFileReadBytes bytes; compare the length with `entry.size` to see if it was cut. */
export type ReadContent = () => Promise<Buffer>;

/**
 * The current entry's bytes as they stream, unbounded (for inspection, not capture); stopping early skips the rest.
 * Either this or ReadContent may be called, once, before `onEntry` settles.
 */
export type StreamContent = () => AsyncIterable<Buffer>;

async function readBounded(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const room = maxBytes - length;
    chunks.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
    length += Math.min(room, chunk.length);
    // the rest of the entry is skipped by the tar reader
    if (length >= maxBytes) break;
  }
  return Buffer.concat(chunks);
}

async function* whileHandled(body: AsyncIterable<Buffer> | Iterable<Buffer>, isSettled: () => boolean, path: string): AsyncGenerator<Buffer> {
  // after onEntry settles the tar reader drains the entry itself: a late reader would race it or read nothing
  const late = (): Error => new Error(`the content of ${path} was read after its entry was handled`);
  if (isSettled()) throw late();
  for await (const chunk of body) {
    if (isSettled()) throw late();
    yield chunk;
  }
}

/**
 * Streams one layer blob (gzip or plain, detected by content) and yields entries; `readContent` reads the current entry up
 * to maxFileReadBytes, `streamContent` yields all of it chunk by chunk; either may only be used before `onEntry` settles.
 */
export async function walkLayer(
  stream: Readable,
  onEntry: (entry: LayerEntry, readContent: ReadContent, streamContent: StreamContent) => Promise<void> | void,
  options?: { limits?: Partial<ImageLimits> },
): Promise<{ entries: number; bytes: number }> {
  const limits = resolveLimits(options?.limits);
  let entries = 0;
  try {
    const { stream: tarStream, guard } = await openDecompressed(stream, limits, 'a layer');
    for await (const raw of readTar(tarStream, limits, 'a layer')) {
      if (raw.type === 'other') continue;
      entries += 1;
      const entry: LayerEntry = {
        path: normaliseImagePath(raw.name),
        type: raw.type,
        mode: raw.mode & 0o7777,
        uid: raw.uid,
        gid: raw.gid,
        size: raw.type === 'file' ? raw.size : 0,
        linkTarget:
          raw.type === 'symlink' ? neutraliseNul(raw.linkName ?? '') : raw.type === 'hardlink' ? normaliseImagePath(raw.linkName ?? '') : null,
      };
      let used = false;
      let settled = false;
      const claim = (): void => {
        if (used || settled) throw new Error(`the content of ${entry.path} can only be read once, while its entry is handled`);
        used = true;
      };
      const readContent: ReadContent = async () => {
        claim();
        return entry.type === 'file' ? readBounded(raw.body, limits.maxFileReadBytes) : Buffer.alloc(0);
      };
      const streamContent: StreamContent = () => {
        claim();
        return whileHandled(entry.type === 'file' ? raw.body : [], () => settled, entry.path);
      };
      try {
        await onEntry(entry, readContent, streamContent);
      } finally {
        settled = true;
      }
    }
    return { entries, bytes: guard.decompressed };
  } finally {
    stream.destroy();
  }
}
