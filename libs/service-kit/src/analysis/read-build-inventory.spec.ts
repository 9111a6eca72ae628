import { ImageError } from '@dhi/image';
import { PoisonMessageError } from '@dhi/messaging';
import { classifyReadError } from './read-build-inventory.js';

const BUILD = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

describe('classifyReadError', () => {
  it('turns a corrupt or invalid image into a poison message naming the build and the code', () => {
    for (const code of ['digest_mismatch', 'invalid_manifest', 'truncated', 'limit_exceeded', 'unsupported'] as const) {
      const classified = classifyReadError(BUILD, new ImageError(code, 'bad bytes'));
      expect(classified).toBeInstanceOf(PoisonMessageError);
      expect((classified as Error).message).toBe(`the image of build ${BUILD} cannot be read (${code}): bad bytes`);
    }
  });

  it('leaves a missing blob as it is, so the transport retries it', () => {
    const missing = new ImageError('missing_blob', 'blob is not available');
    expect(classifyReadError(BUILD, missing)).toBe(missing);
  });

  it('keeps transport failures retryable and names their cause', () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8081') });
    const classified = classifyReadError(BUILD, refused) as Error;
    expect(classified).not.toBeInstanceOf(PoisonMessageError);
    expect(classified.message).toBe(`reading the image of build ${BUILD} failed: fetch failed: connect ECONNREFUSED 127.0.0.1:8081`);
    expect(classified.cause).toBe(refused);
    const http = classifyReadError(BUILD, new Error('GET http://build/v1/blobs/sha256:1 failed with HTTP 503')) as Error;
    expect(http.message).toBe(`reading the image of build ${BUILD} failed: GET http://build/v1/blobs/sha256:1 failed with HTTP 503`);
  });
});
