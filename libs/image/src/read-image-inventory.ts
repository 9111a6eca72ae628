import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type BlobSource } from './blob-store.js';
import { HttpBlobSource } from './http-blob-source.js';
import { computeInventory } from './inventory.js';
import { type ImageLimits } from './limits.js';

// Well below a Kafka consumer's 30 s session timeout; kafkajs sends at most one heartbeat per 3 s interval anyway.
const HEARTBEAT_EVERY_MS = 5_000;

/** How readImageInventory keeps its caller alive and bounded. */
export interface ReadImageOptions {
  /** Awaited before each layer (a rejection stops the read there) and also sent while one large layer streams. */
  heartbeat: () => Promise<void>;
  limits?: Partial<ImageLimits>;
}

/**
 * Runs `read` over the blobs of a build.completed image, served by the build service's blob API with digests verified
 * while streaming: the heartbeat is awaited before each blob (a rejection stops the read there) and also sent while a
 * large one streams, so a consumer's session outlives long reads.
 */
export async function readBuildBlobs<T>(
  build: Pick<BuildCompleted, 'blobs'>,
  heartbeat: () => Promise<void>,
  read: (source: BlobSource) => Promise<T>,
): Promise<T> {
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
    return await read(source);
  } finally {
    clearInterval(timer);
  }
}

/**
 * Reads the image a build.completed announces, layer by layer, and computes its inventory. Errors pass through
 * unchanged: ImageError for an image that cannot be read (`missing_blob` when the store lacks a blob), plain errors for
 * transport failures.
 */
export function readImageInventory(build: Pick<BuildCompleted, 'image' | 'blobs'>, options: ReadImageOptions): Promise<ImageInventory> {
  return readBuildBlobs(build, options.heartbeat, (source) => computeInventory(build.image, source, { limits: options.limits }));
}
