import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type BlobSource, HttpBlobSource, type ImageLimits, inventoryOf } from '@dhi/image';
import { type CatalogResult, catalogImage } from '@dhi/sbom';
import { type InspectedBuild } from '@dhi/service-kit';

// Well below a Kafka consumer's 30 s session timeout, as while the inventory is read.
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * The scanner's read of a build.completed image, once: its packages (catalogImage) and, from the same filesystem, the
 * inventory every analyser publishes. Blobs come from the build service's blob API, with a heartbeat before each layer
 * and while a large one streams.
 */
export async function catalogBuild(
  build: Pick<BuildCompleted, 'image' | 'blobs'>,
  heartbeat: () => Promise<void>,
  limits?: Partial<ImageLimits>,
): Promise<InspectedBuild<CatalogResult>> {
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
    let inventory: ImageInventory | undefined;
    const extra = await catalogImage(build.image.layers, source, {
      ...(limits ? { limits } : {}),
      onFilesystem: (fs) => {
        inventory = inventoryOf(build.image, fs);
      },
    });
    if (!inventory) throw new Error('the image was cataloged without its filesystem being seen');
    return { inventory, extra };
  } finally {
    clearInterval(timer);
  }
}
