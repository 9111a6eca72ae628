import { type FoundPackage } from './cataloger.js';
import { type Package, type RemovedPackage } from './types.js';

/** One version of a metadata file: the packages it lists as of a layer, or null once the file is gone. */
export interface MetadataVersion {
  layerIndex: number;
  packages: FoundPackage[] | null;
}

const keyOf = (found: FoundPackage): string => found.purl;
const nameOf = (found: FoundPackage): string => `${found.ecosystem}|${found.name}|${found.arch ?? ''}`;

/**
 * Follows one metadata file through its versions: a package's layer is where the run of versions that list it up to
 * the end begins; a package that leaves the file (or the file itself goes) is removed, or replaced when the version
 * that drops it lists the same name again.
 */
export function attribute(
  versions: MetadataVersion[],
  digestOf: (layerIndex: number) => string,
): { packages: Package[]; removed: RemovedPackage[] } {
  const live = new Map<string, { found: FoundPackage; since: number }>();
  const removed: RemovedPackage[] = [];
  for (const version of versions) {
    const current = new Map<string, FoundPackage>();
    for (const found of version.packages ?? []) if (!current.has(keyOf(found))) current.set(keyOf(found), found);
    const namesNow = new Set([...current.values()].map(nameOf));
    for (const [key, { found, since }] of live) {
      if (current.has(key)) continue;
      live.delete(key);
      removed.push({
        ...found,
        layerIndex: since,
        layerDigest: digestOf(since),
        removedLayerIndex: version.layerIndex,
        removedLayerDigest: digestOf(version.layerIndex),
        reason: namesNow.has(nameOf(found)) ? 'replaced' : 'removed',
      });
    }
    for (const [key, found] of current) {
      const entry = live.get(key);
      // locations and licenses come from the newest version that lists the package
      if (entry) entry.found = found;
      else live.set(key, { found, since: version.layerIndex });
    }
  }
  const packages = [...live.values()].map(({ found, since }) => ({ ...found, layerIndex: since, layerDigest: digestOf(since) }));
  return { packages, removed };
}
