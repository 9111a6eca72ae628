import { type CheckHit } from '@dhi/checks';
import { type BuildCompleted } from '@dhi/contracts';
import { type ImageLimits, readBuildBlobs, readImageConfig } from '@dhi/image';
import { type CatalogResult, catalogImageWithInventory } from '@dhi/sbom';
import { type InspectedBuild } from '@dhi/service-kit';
import { resolvePatches } from './dockerfile-patches.js';
import { dockerfileHits } from './dockerfile-hits.js';
import { type ChecksReport, imageChecks } from './image-checks.js';
import { isRuntimeLineage } from './runtime-lineages.js';

/** What the scanner reads of a build's image: its packages and the hits of the file and config checks. */
export interface ImageReading {
  catalog: CatalogResult;
  hits: CheckHit[];
  report: ChecksReport;
}

export interface ReadSettings {
  limits?: Partial<ImageLimits>;
  runtimeLineages: readonly RegExp[];
  secretAllowPaths: readonly string[];
}

/**
 * The scanner's read of a build.completed image, once: packages (catalogImage), the inventory every analyser publishes,
 * and, from the same filesystem, the permission and image-config checks. Blobs come from the build service's blob API,
 * with a heartbeat before each layer and while a large one streams.
 */
export async function readBuildImage(
  build: Pick<BuildCompleted, 'image' | 'blobs' | 'lineage' | 'dockerfile' | 'context'>,
  heartbeat: () => Promise<void>,
  settings: ReadSettings,
): Promise<InspectedBuild<ImageReading>> {
  return readBuildBlobs(build, heartbeat, async (source) => {
    const config = await readImageConfig(source, build.image.configDigest, { limits: settings.limits });
    const runtimeVariant = isRuntimeLineage(settings.runtimeLineages, build.lineage);
    const checks = imageChecks({ config, layers: build.image.layers, runtimeVariant, secrets: { allowPaths: settings.secretAllowPaths } });
    const { catalog, inventory } = await catalogImageWithInventory(build.image, source, { limits: settings.limits, extra: checks.extra });
    const hits = checks.hits();
    const dockerfile = build.dockerfile === null ? null : { text: build.dockerfile, path: build.context?.dockerfilePath ?? 'Dockerfile' };
    if (dockerfile) hits.push(...dockerfileHits(dockerfile, build.context?.dockerignore ?? null));
    return { inventory, extra: { catalog, hits: resolvePatches(hits, dockerfile), report: checks.report() } };
  });
}
