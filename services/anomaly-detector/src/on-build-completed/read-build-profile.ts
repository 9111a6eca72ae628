import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type BlobSource, HttpBlobSource, type ImageLimits, inventoryOf, readImageConfig } from '@dhi/image';
import { type BuildProfile, profileRead } from '@dhi/profile';
import { catalogImage } from '@dhi/sbom';
import { type InspectedBuild } from '@dhi/service-kit';

// Well below a Kafka consumer's 30 s session timeout, as while the inventory is read.
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * The anomaly detector's read of a build.completed image, once: its packages (the SBOM catalogers), file digests,
 * accounts, persistence points and integrity against the package databases (@dhi/profile), and the inventory every
 * analyser publishes. Blobs come from the build service's blob API, with heartbeats while they stream.
 */
export async function readBuildProfile(
  build: Pick<BuildCompleted, 'image' | 'blobs'>,
  heartbeat: () => Promise<void>,
  limits?: Partial<ImageLimits>,
): Promise<InspectedBuild<BuildProfile>> {
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
    const config = await readImageConfig(source, build.image.configDigest, { limits });
    const reading = profileRead();
    let inventory: ImageInventory | undefined;
    const catalog = await catalogImage(build.image.layers, source, {
      ...(limits ? { limits } : {}),
      onFilesystem: (fs) => {
        inventory = inventoryOf(build.image, fs);
      },
      extra: reading.extra,
    });
    if (!inventory) throw new Error('the image was profiled without its filesystem being seen');
    return { inventory, extra: reading.profile({ catalog, config, layers: build.image.layers }) };
  } finally {
    clearInterval(timer);
  }
}
