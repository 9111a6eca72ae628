import { type BuildCompleted } from '@dhi/contracts';
import { type BlobSource, HttpBlobSource } from '@dhi/image';
import { type CatalogResult, catalogImage } from '@dhi/sbom';

// Well below a Kafka consumer's 30 s session timeout, as while the inventory is read.
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * The scanner's inspect step of build.completed: catalogs the packages of the build's image, read from the build
 * service's blob API, with a heartbeat before each layer and while a large one streams.
 */
export async function catalogBuild(build: Pick<BuildCompleted, 'image' | 'blobs'>, heartbeat: () => Promise<void>): Promise<CatalogResult> {
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
    return await catalogImage(build.image.layers, source);
  } finally {
    clearInterval(timer);
  }
}
