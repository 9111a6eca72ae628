import { PassThrough, type Readable } from 'node:stream';
import { type BlobStore } from '@dhi/image';
import { type ContextLimits } from '../config.js';
import { checkContext, type CheckedContext } from '../build-context/check-context.js';

/** A build context committed to the blob store, checked, with its Dockerfile text. */
export interface StoredContext extends CheckedContext {
  digest: string;
  size: number;
  dockerfilePath: string;
}

/**
 * Streams an uploaded context into the blob store and, in the same pass, through the context rules. The blob is
 * committed only when both succeed; on failure both sides stop and nothing is committed.
 */
export async function storeContext(upload: Readable, store: BlobStore, limits: ContextLimits, dockerfilePath: string): Promise<StoredContext> {
  const staging = await store.stage();
  const toStore = new PassThrough();
  const toCheck = new PassThrough();
  const stop = (error: Error): void => {
    upload.unpipe(toStore);
    upload.unpipe(toCheck);
    toStore.destroy(error);
    toCheck.destroy(error);
  };
  // failures surface through the two promises below; the streams' own error events are only their echo
  toStore.on('error', () => undefined);
  toCheck.on('error', () => undefined);
  upload.on('error', stop);
  upload.pipe(toStore);
  upload.pipe(toCheck);
  try {
    const outcomes = await Promise.allSettled([
      staging.put(toStore, { maxBytes: limits.maxBytes }).catch((error: unknown) => {
        stop(error as Error);
        throw error;
      }),
      checkContext(toCheck, limits, dockerfilePath).catch((error: unknown) => {
        stop(error as Error);
        throw error;
      }),
    ]);
    const [stored, checked] = outcomes;
    // the rules' verdict names what is wrong with the context; the store's failure is then only its consequence
    if (checked.status === 'rejected') throw checked.reason;
    if (stored.status === 'rejected') throw stored.reason;
    await staging.commit([stored.value.digest]);
    return { ...checked.value, digest: stored.value.digest, size: stored.value.size, dockerfilePath };
  } finally {
    upload.off('error', stop);
    await staging.discard();
  }
}
