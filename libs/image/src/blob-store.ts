import { type Readable } from 'node:stream';

/** Anything blobs can be read from by digest; each stream fails with `digest_mismatch` if its bytes do not match. */
export interface BlobSource {
  open(digest: string): Promise<Readable>;
}

/** Content-addressed storage of image blobs (layers, configs, manifests). */
export interface BlobStore extends BlobSource {
  has(digest: string): Promise<boolean>;
  size(digest: string): Promise<number | null>;
  /** Streams the blob; the stream errors with ImageError('digest_mismatch') if the stored bytes do not hash to `digest`. */
  open(digest: string): Promise<Readable>;
  /** The whole blob, verified; `limit_exceeded` if it is larger than maxBytes. */
  readAll(digest: string, maxBytes: number): Promise<Buffer>;
  /** A private staging area for one import. */
  stage(): Promise<BlobStaging>;
  delete(digest: string): Promise<void>;
  list(): AsyncIterable<string>;
}

/** Blobs written for one import; none is visible in the store until committed. */
export interface BlobStaging {
  /** Writes a stream to a temporary file while hashing it; the blob is then known by the digest of what was written. */
  put(stream: Readable | AsyncIterable<Buffer>, options?: { maxBytes?: number }): Promise<{ digest: string; size: number }>;
  /** A staged blob's bytes, verified (used to read manifests and configs before anything is committed). */
  read(digest: string, maxBytes: number): Promise<Buffer>;
  /** Moves those staged blobs into the store in the given order, each atomically; a blob already stored is kept. */
  commit(digests: string[]): Promise<void>;
  /** Removes everything staged and not committed. */
  discard(): Promise<void>;
}
