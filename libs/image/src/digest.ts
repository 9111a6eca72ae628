import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ImageError } from './image-error.js';

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const HEX = /^[a-f0-9]{64}$/;

/** True for a `sha256:<64 lowercase hex>` digest, the only algorithm the platform accepts. */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** True for 64 lowercase hex characters. */
export function isSha256Hex(value: string): boolean {
  return HEX.test(value);
}

/** The hex part of a digest; throws for anything that is not a sha256 digest, so it is safe to use in file names. */
export function digestHex(digest: string): string {
  if (!isDigest(digest)) throw new ImageError('invalid_manifest', `"${String(digest).slice(0, 80)}" is not a sha256 digest`);
  return digest.slice('sha256:'.length);
}

/** The sha256 digest of a buffer. */
export function sha256Digest(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** A hash that also counts its bytes. */
export class CountingHash {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

/** A pass-through stream that fails with `digest_mismatch` at its end when the bytes do not hash to `digest`. */
export function createDigestVerifier(digest: string, expectedSize?: number | null): Transform {
  const hash = new CountingHash();
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = hash.digest();
      if (actual !== digest) {
        callback(new ImageError('digest_mismatch', `blob ${digest} is corrupt: its content hashes to ${actual}`));
      } else if (expectedSize != null && hash.bytes !== expectedSize) {
        callback(new ImageError('digest_mismatch', `blob ${digest} has ${hash.bytes} bytes, expected ${expectedSize}`));
      } else {
        callback();
      }
    },
  });
}
