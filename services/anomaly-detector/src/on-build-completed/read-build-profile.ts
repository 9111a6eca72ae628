import { type BuildCompleted } from '@dhi/contracts';
import { type ImageLimits, readBuildBlobs, readImageConfig } from '@dhi/image';
import { type BuildProfile, profileRead } from '@dhi/profile';
import { catalogImageWithInventory } from '@dhi/sbom';
import { type InspectedBuild } from '@dhi/service-kit';

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
  return readBuildBlobs(build, heartbeat, async (source) => {
    const config = await readImageConfig(source, build.image.configDigest, { limits });
    const reading = profileRead();
    const { catalog, inventory } = await catalogImageWithInventory(build.image, source, { limits, extra: reading.extra });
    return { inventory, extra: reading.profile({ catalog, config, layers: build.image.layers }) };
  });
}
