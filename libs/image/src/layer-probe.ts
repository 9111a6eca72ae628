import { createGunzip, type Gunzip } from 'node:zlib';
import { CountingHash } from './digest.js';
import { DecompressionGuard, gzipError, INFLATE_CHUNK_BYTES, sniffCompression, type Compression } from './compression.js';
import { type ImageLimits } from './limits.js';
import { ZstdInflater } from './zstd-inflater.js';

export interface LayerProbeResult {
  compression: Compression;
  /** sha256 of the decompressed bytes (the layer's diff id); null for uncompressed data, whose blob digest is the diff id. */
  diffId: string | null;
  decompressedSize: number;
  /** Why the decompressed digest could not be computed; only raised if the blob turns out to be a layer. */
  error: unknown;
}

/**
 * Computes the diff id of a possibly gzip'd or zstd'd blob from the same bytes that are being staged, so an import reads the archive
 * once. Failures are kept rather than thrown: which archive entries are layers is only known once the archive has been read.
 */
export class LayerProbe {
  private head = Buffer.alloc(0);
  private compression: Compression | null = null;
  private gunzip: Gunzip | null = null;
  private zstd: ZstdInflater | null = null;
  private readonly hash = new CountingHash();
  private readonly guard: DecompressionGuard;
  private error: unknown = null;
  private ended: Promise<void> | null = null;

  constructor(
    limits: ImageLimits,
    private readonly what: string,
    shared: { decompressed: number },
  ) {
    this.guard = new DecompressionGuard(limits, what, shared);
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.compression === null) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 6) return;
      this.start(this.head);
      chunk = this.head;
    }
    await this.feed(chunk);
  }

  async end(): Promise<LayerProbeResult> {
    if (this.compression === null) {
      const head = this.head;
      this.start(head);
      await this.feed(head);
    }
    if (this.gunzip && this.error === null) {
      this.gunzip.end();
      await this.ended;
    }
    if (this.zstd && this.error === null) {
      try {
        this.zstd.end();
      } catch (error) {
        this.fail(error);
      }
    }
    const compressed = this.gunzip !== null || this.zstd !== null;
    return {
      compression: this.compression ?? 'none',
      diffId: compressed && this.error === null ? this.hash.digest() : null,
      decompressedSize: compressed ? this.hash.bytes : this.guard.compressed,
      error: this.error,
    };
  }

  /** Stops decompressing when the blob could not be written. */
  dispose(): void {
    this.gunzip?.destroy();
  }

  private start(head: Buffer): void {
    this.compression = sniffCompression(head);
    if (this.compression === 'zstd') {
      this.zstd = new ZstdInflater(this.what, (out) => {
        this.guard.addDecompressed(out.length);
        this.hash.update(out);
      });
      return;
    }
    if (this.compression !== 'gzip') return;
    const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
    this.gunzip = gunzip;
    this.ended = new Promise<void>((resolve) => {
      gunzip.on('data', (out: Buffer) => {
        if (this.error !== null) return;
        try {
          this.guard.addDecompressed(out.length);
          this.hash.update(out);
        } catch (error) {
          this.fail(error);
        }
      });
      gunzip.on('end', resolve);
      gunzip.on('close', resolve);
      gunzip.on('error', (error) => {
        this.fail(gzipError(error, this.what));
        resolve();
      });
    });
  }

  private async feed(chunk: Buffer): Promise<void> {
    this.guard.addCompressed(chunk.length);
    if (this.zstd) {
      if (this.error !== null) return;
      try {
        this.zstd.push(chunk);
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    const gunzip = this.gunzip;
    if (!gunzip || this.error !== null || chunk.length === 0) return;
    // a destroyed gunzip may never call back, so the write also ends when decompression has stopped
    await Promise.race([new Promise<void>((resolve) => gunzip.write(chunk, () => resolve())), this.ended]);
  }

  private fail(error: unknown): void {
    if (this.error === null) this.error = error;
    this.gunzip?.destroy();
  }
}
