import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImageError } from './image-error.js';
import { limitExceeded, RATIO_CHECK_FLOOR_BYTES, type ImageLimits } from './limits.js';
import { ZstdInflater } from './zstd-inflater.js';

/** zlib's 16 KiB default output chunk makes every stage downstream run four times as often per byte. */
export const INFLATE_CHUNK_BYTES = 64 * 1024;

export type Compression = 'none' | 'gzip' | 'zstd' | 'bzip2' | 'xz';

/** The compression a stream uses, from its first bytes (never from a name or media type, which the uploader controls). */
export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) return 'zstd';
  if (head.length >= 3 && head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  return 'none';
}

/** True for the compressions the reader decompresses. */
export function isReadableCompression(compression: Compression): boolean {
  return compression === 'none' || compression === 'gzip' || compression === 'zstd';
}

/** Thrown for compressions the reader does not decompress (rare in images). */
export function unsupportedCompression(compression: Compression, what: string): ImageError {
  return new ImageError('unsupported', `${what} is ${compression}-compressed, which is not supported (use gzip, zstd or no compression)`);
}

/** Counts compressed and decompressed bytes and enforces the size and ratio limits; `shared` spans several streams. */
export class DecompressionGuard {
  compressed = 0;
  decompressed = 0;

  constructor(
    private readonly limits: ImageLimits,
    private readonly what: string,
    private readonly shared?: { decompressed: number },
  ) {}

  addCompressed(bytes: number): void {
    this.compressed += bytes;
  }

  addDecompressed(bytes: number): void {
    this.decompressed += bytes;
    if (this.shared) this.shared.decompressed += bytes;
    const total = this.shared ? this.shared.decompressed : this.decompressed;
    if (total > this.limits.maxDecompressedBytes) {
      throw limitExceeded('maxDecompressedBytes', this.limits.maxDecompressedBytes, `the decompressed size of ${this.what}`);
    }
    if (this.decompressed > RATIO_CHECK_FLOOR_BYTES && this.decompressed > this.limits.maxCompressionRatio * this.compressed) {
      throw limitExceeded('maxCompressionRatio', this.limits.maxCompressionRatio, `the compression ratio of ${this.what}`);
    }
  }
}

/** Maps a zlib failure to the uploader's view of it: the data ends early or is damaged. */
export function gzipError(error: unknown, what: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new ImageError('truncated', `${what} is truncated or its gzip data is corrupt`);
  }
  return error;
}

/** Reads the first bytes of a stream without losing them: returns them and an iterable of the whole stream. */
export async function peek(input: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = input[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* buffered;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(buffered), all: all() };
}

async function* countCompressed(source: AsyncIterable<Buffer>, guard: DecompressionGuard): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    guard.addCompressed(chunk.length);
    yield chunk;
  }
}

async function* inflate(source: AsyncIterable<Buffer>, compression: Compression, guard: DecompressionGuard, what: string): AsyncGenerator<Buffer> {
  if (compression === 'none') {
    for await (const chunk of source) {
      guard.addCompressed(chunk.length);
      guard.addDecompressed(chunk.length);
      yield chunk;
    }
    return;
  }
  if (compression === 'zstd') {
    yield* inflateZstd(source, guard, what);
    return;
  }
  if (compression !== 'gzip') throw unsupportedCompression(compression, what);
  const input = Readable.from(countCompressed(source, guard));
  const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      guard.addDecompressed(chunk.length);
      yield chunk;
    }
  } catch (error) {
    throw gzipError(error, what);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function* inflateZstd(source: AsyncIterable<Buffer>, guard: DecompressionGuard, what: string): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  // the guard runs per decompressed block, so a bomb stops inside the push that would have produced it
  const inflater = new ZstdInflater(what, (chunk) => {
    guard.addDecompressed(chunk.length);
    out.push(chunk);
  });
  for await (const chunk of source) {
    guard.addCompressed(chunk.length);
    inflater.push(chunk);
    if (out.length > 0) {
      const ready = out;
      out = [];
      yield ready.length === 1 ? ready[0] : Buffer.concat(ready);
    }
  }
  inflater.end();
  if (out.length > 0) yield Buffer.concat(out);
}

/** The decompressed content of a stream that may be gzip'd or zstd'd (detected by content), bounded by the limits. */
export async function openDecompressed(
  input: AsyncIterable<Buffer>,
  limits: ImageLimits,
  what: string,
  shared?: { decompressed: number },
): Promise<{ compression: Compression; stream: Readable; guard: DecompressionGuard }> {
  const { head, all } = await peek(input, 6);
  const compression = sniffCompression(head);
  if (!isReadableCompression(compression)) throw unsupportedCompression(compression, what);
  const guard = new DecompressionGuard(limits, what, shared);
  return { compression, stream: Readable.from(inflate(all, compression, guard, what)), guard };
}
