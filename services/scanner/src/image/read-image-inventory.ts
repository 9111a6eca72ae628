import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type BlobSource, computeInventory, HttpBlobSource, isImageError } from '@dhi/image';
import { PoisonMessageError } from '@dhi/messaging';

// Well below the consumer's 30 s session timeout; kafkajs sends at most one heartbeat per 3 s interval anyway.
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Reads the build's image from the build service's blob API, layer by layer with digests verified while streaming,
 * and computes its inventory. `heartbeat` is awaited before each layer (a rebalance stops the work there) and also
 * sent while one large layer streams, so a big image never outlives the Kafka session.
 */
export async function readImageInventory(build: BuildCompleted, heartbeat: () => Promise<void>): Promise<ImageInventory> {
  const blobs = new HttpBlobSource(build.blobs.baseUrl);
  const source: BlobSource = {
    open: async (digest) => {
      await heartbeat();
      return blobs.open(digest);
    },
  };
  // a failed background heartbeat means a rebalance, which the next awaited one reports
  const timer = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    return await computeInventory(build.image, source);
  } catch (error) {
    throw classifyReadError(build.buildId, error);
  } finally {
    clearInterval(timer);
  }
}

/**
 * A corrupt or invalid image stays so however often it is read: that is a poison message for the dead-letter topic
 * at once. A missing blob (the store may lag behind) and transport failures (5xx, refused, timeout) are retried.
 */
export function classifyReadError(buildId: string, error: unknown): unknown {
  if (isImageError(error)) {
    if (error.code === 'missing_blob') return error;
    return new PoisonMessageError(`the image of build ${buildId} cannot be read (${error.code}): ${error.message}`, { cause: error });
  }
  if (!(error instanceof Error)) return error;
  // fetch says only "fetch failed"; what happened (refused, reset, DNS) is in its cause
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new Error(`reading the image of build ${buildId} failed: ${error.message}${cause}`, { cause: error });
}
