import { Decompress } from 'fzstd';
import { ImageError, isImageError } from './image-error.js';
import { ZstdFrameCheck } from './zstd-frames.js';

// fzstd decodes every block a push contains before returning, so input goes in slices to bound what one push yields
const SLICE_BYTES = 16 * 1024;

/**
 * Streaming zstd decompression (pure JS, fzstd). `onData` sees each decompressed block as it is produced and may throw
 * (a limit) to stop decompression at once; every failure of the data itself is an ImageError `truncated`.
 */
export class ZstdInflater {
  private readonly frames: ZstdFrameCheck;
  private readonly decoder: Decompress;
  private failed = false;
  private consumerError: unknown = null;

  constructor(
    private readonly what: string,
    onData: (chunk: Buffer) => void,
  ) {
    this.frames = new ZstdFrameCheck(what);
    this.decoder = new Decompress((data) => {
      if (data.length === 0) return;
      try {
        onData(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        this.consumerError = error;
        throw error;
      }
    });
  }

  /** Decompresses the next compressed bytes. */
  push(chunk: Buffer): void {
    for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
      const slice = chunk.subarray(offset, offset + SLICE_BYTES);
      this.guarded(() => {
        this.frames.check(slice);
        this.decoder.push(slice, false);
      });
    }
  }

  /** Ends the stream; a stream that stops inside a frame is truncated. */
  end(): void {
    this.guarded(() => {
      if (!this.frames.atFrameBoundary()) throw new ImageError('truncated', `${this.what} is truncated (its zstd data ends inside a frame)`);
      this.decoder.push(new Uint8Array(0), true);
    });
  }

  private guarded(step: () => void): void {
    if (this.failed) throw new Error('zstd decompression was already stopped by an error');
    try {
      step();
    } catch (error) {
      this.failed = true;
      throw this.classify(error);
    }
  }

  private classify(error: unknown): unknown {
    if (isImageError(error) || (this.consumerError !== null && error === this.consumerError)) return error;
    // whatever else fzstd throws (its coded errors, or a RangeError on crafted input) is damaged data
    const detail = error instanceof Error ? error.message : String(error);
    return new ImageError('truncated', `${this.what} is truncated or its zstd data is corrupt (${detail})`);
  }
}
