import { ImageError } from './image-error.js';

const ZSTD_MAGIC = 0xfd2fb528;
const KiB = 1024;
const MiB = 1024 * KiB;
/** zstd's own decoder refuses larger windows unless told otherwise (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27). */
export const MAX_ZSTD_WINDOW_BYTES = 128 * MiB;
const MAX_BLOCK_BYTES = 128 * KiB;
const DICT_ID_BYTES = [0, 1, 2, 4];

type State = 'magic' | 'descriptor' | 'frame-header' | 'block-header' | 'skippable-size';

/**
 * Follows the frame and block structure of a zstd stream before its bytes reach the decoder, so that what fzstd would
 * allocate up front (a window as large as the header claims, up to 2 GiB) and what it cannot do (dictionaries) is refused
 * first. Block contents are skipped, never inspected: only headers are read.
 */
export class ZstdFrameCheck {
  private state: State = 'magic';
  private need = 4;
  private header = Buffer.alloc(0);
  private descriptor = 0;
  private checksum = false;
  private skip = 0;

  constructor(private readonly what: string) {}

  /** Passes the next compressed bytes; throws an ImageError for a frame that must not reach the decoder. */
  check(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.skip > 0) {
        const skipped = Math.min(this.skip, chunk.length - offset);
        this.skip -= skipped;
        offset += skipped;
        continue;
      }
      const take = Math.min(this.need - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < this.need) return;
      const header = this.header;
      this.header = Buffer.alloc(0);
      this.advance(header);
    }
  }

  /** True when the stream stopped between frames, as a complete stream does. */
  atFrameBoundary(): boolean {
    return this.state === 'magic' && this.header.length === 0 && this.skip === 0;
  }

  private advance(header: Buffer): void {
    switch (this.state) {
      case 'magic': {
        const magic = header.readUInt32LE(0);
        if (magic === ZSTD_MAGIC) return this.expect('descriptor', 1);
        // skippable frames (0x184D2A50..5F) carry metadata the decoder ignores
        if (magic >>> 4 === 0x184d2a5) return this.expect('skippable-size', 4);
        throw this.corrupt('a frame does not start with the zstd magic number');
      }
      case 'skippable-size':
        this.skip = header.readUInt32LE(0);
        return this.expect('magic', 4);
      case 'descriptor': {
        this.descriptor = header[0];
        const singleSegment = (this.descriptor >> 5) & 1;
        const contentSizeFlag = this.descriptor >> 6;
        if (this.descriptor & 0x08) throw this.corrupt('a frame header sets a reserved bit');
        this.checksum = ((this.descriptor >> 2) & 1) === 1;
        const length = (singleSegment ? 0 : 1) + DICT_ID_BYTES[this.descriptor & 3] + (contentSizeFlag ? 1 << contentSizeFlag : singleSegment);
        if (length === 0) return this.startFrame(Buffer.alloc(0));
        return this.expect('frame-header', length);
      }
      case 'frame-header':
        return this.startFrame(header);
      case 'block-header': {
        const value = header[0] | (header[1] << 8) | (header[2] << 16);
        const last = value & 1;
        const type = (value >> 1) & 3;
        const size = value >>> 3;
        if (type === 3) throw this.corrupt('a block has the reserved block type');
        if (size > MAX_BLOCK_BYTES) throw this.corrupt(`a block is ${size} bytes, more than zstd's 128 KiB maximum`);
        // an RLE block stores its one byte, whatever size it expands to
        this.skip = type === 1 ? 1 : size;
        if (!last) return this.expect('block-header', 3);
        if (this.checksum) this.skip += 4;
        return this.expect('magic', 4);
      }
    }
  }

  private startFrame(header: Buffer): void {
    const singleSegment = (this.descriptor >> 5) & 1;
    const dictBytes = DICT_ID_BYTES[this.descriptor & 3];
    let at = singleSegment ? 0 : 1;
    const dictId = dictBytes === 0 ? 0 : header.readUIntLE(at, dictBytes);
    at += dictBytes;
    if (dictId !== 0) throw new ImageError('unsupported', `${this.what} is zstd-compressed with a dictionary, which is not supported`);
    let window: number;
    if (singleSegment) {
      // the whole content is the window; an 8-byte size is read as two halves so it cannot lose precision unnoticed
      const sizeBytes = header.length - at;
      window = sizeBytes === 8 ? header.readUInt32LE(at) + header.readUInt32LE(at + 4) * 2 ** 32 : header.readUIntLE(at, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
    } else {
      const exponent = 10 + (header[0] >> 3);
      window = 2 ** exponent + (2 ** exponent / 8) * (header[0] & 7);
    }
    if (window > MAX_ZSTD_WINDOW_BYTES) {
      throw new ImageError('unsupported', `${this.what} is zstd-compressed with a ${window}-byte window; at most ${MAX_ZSTD_WINDOW_BYTES} bytes is supported`);
    }
    this.expect('block-header', 3);
  }

  private expect(state: State, bytes: number): void {
    this.state = state;
    this.need = bytes;
  }

  private corrupt(detail: string): ImageError {
    return new ImageError('truncated', `${this.what} is truncated or its zstd data is corrupt (${detail})`);
  }
}
