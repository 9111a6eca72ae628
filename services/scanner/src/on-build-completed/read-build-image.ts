import { type CheckHit } from '@dhi/checks';
import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type BlobSource, HttpBlobSource, type ImageLimits, inventoryOf, readImageConfig } from '@dhi/image';
import { type CatalogResult, catalogImage } from '@dhi/sbom';
import { type InspectedBuild } from '@dhi/service-kit';
import { resolvePatches } from './dockerfile-patches.js';
import { dockerfileHits } from './dockerfile-hits.js';
import { type ChecksReport, imageChecks } from './image-checks.js';
import { isRuntimeLineage } from './runtime-lineages.js';

// Well below a Kafka consumer's 30 s session timeout, as while the inventory is read.
const HEARTBEAT_EVERY_MS = 5_000;

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
    const config = await readImageConfig(source, build.image.configDigest, { limits: settings.limits });
    const layers = build.image.layers;
    let inventory: ImageInventory | undefined;
    const runtimeVariant = isRuntimeLineage(settings.runtimeLineages, build.lineage);
    const checks = imageChecks({ config, layers, runtimeVariant, secrets: { allowPaths: settings.secretAllowPaths } });
    const catalog = await catalogImage(layers, source, {
      ...(settings.limits ? { limits: settings.limits } : {}),
      onFilesystem: (fs) => {
        inventory = inventoryOf(build.image, fs);
      },
      extra: checks.extra,
    });
    const hits = checks.hits();
    if (!inventory) throw new Error('the image was cataloged without its filesystem being seen');
    const dockerfile = build.dockerfile === null ? null : { text: build.dockerfile, path: build.context?.dockerfilePath ?? 'Dockerfile' };
    if (dockerfile) hits.push(...dockerfileHits(dockerfile, build.context?.dockerignore ?? null));
    return { inventory, extra: { catalog, hits: resolvePatches(hits, dockerfile), report: checks.report() } };
  } finally {
    clearInterval(timer);
  }
}
