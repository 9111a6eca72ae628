import { Readable } from 'node:stream';
import { type ReadableStream as WebReadableStream } from 'node:stream/web';
import { type BlobSource } from './blob-store.js';
import { createDigestVerifier, digestHex } from './digest.js';
import { ImageError } from './image-error.js';

/** Reads blobs from the build service's HTTP blob API (`GET <baseUrl>/<digest>`), verifying each digest while streaming. */
export class HttpBlobSource implements BlobSource {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, options?: { timeoutMs?: number }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options?.timeoutMs ?? 60_000;
  }

  /**
   * A 404 is `missing_blob`; other failures are plain errors, since they are usually transient and worth a retry.
   * The timeout covers the whole transfer, so set it for the largest expected layer.
   */
  async open(digest: string): Promise<Readable> {
    digestHex(digest);
    const url = `${this.baseUrl}/${digest}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ImageError('missing_blob', `blob ${digest} is not available from ${this.baseUrl}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`GET ${url} failed with HTTP ${response.status}`);
    }
    // with a content-encoding, content-length counts encoded bytes, not the blob's
    const length = response.headers.get('content-encoding') ? null : response.headers.get('content-length');
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    const verifier = createDigestVerifier(digest, length === null ? null : Number(length));
    body.on('error', (error) => verifier.destroy(error));
    return body.pipe(verifier);
  }
}
