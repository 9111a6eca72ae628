import { type ImageConfigJson } from '@dhi/image';
import { type CatalogResult } from '@dhi/sbom';
import { type BuildProfile, type ProfilePackage } from './build-profile.js';
import { profileConfigOf } from './container-config.js';
import { landingPath } from './final-files.js';
import { type ReadFacts } from './read-facts.js';
import { isPackagedExecutablePath } from './system-paths.js';

/** What the caller has besides the read: the catalog it returned, the image config and the manifest's layers. */
export interface ProfileInput {
  catalog: CatalogResult;
  config: ImageConfigJson;
  layers: { digest: string; size: number }[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function packagesOf(catalog: CatalogResult): ProfilePackage[] {
  return catalog.packages
    .map((pkg) => ({ name: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem, source: pkg.source?.name ?? null, location: pkg.locations[0] ?? '' }))
    .sort((a, b) => compare(a.location, b.location) || compare(a.name, b.name) || compare(a.version, b.version));
}

/** Final path → the first package (in catalog order) whose locations lead there. */
function ownersOf(catalog: CatalogResult, symlinks: ReadFacts['symlinks']): Map<string, string> {
  const owners = new Map<string, string>();
  for (const pkg of catalog.packages) {
    for (const location of pkg.locations) {
      const path = landingPath(symlinks, location);
      if (path !== null && !owners.has(path)) owners.set(path, pkg.name);
    }
  }
  return owners;
}

/** Joins the facts of a read with its catalog, config and layers into the profile (plain JSON, lists sorted). */
export function assembleProfile(facts: ReadFacts, input: ProfileInput): BuildProfile {
  const owners = ownersOf(input.catalog, facts.symlinks);
  const executables = facts.executables.map((executable) => ({ ...executable, owner: owners.get(executable.path) ?? null }));
  const unowned = executables.filter((executable) => executable.owner === null && isPackagedExecutablePath(executable.path));
  const modified = [...facts.integrity.modified].sort((a, b) => compare(a.path, b.path) || compare(a.package, b.package));
  const os = input.catalog.os;
  return {
    version: 1,
    os: os ? { id: os.id, versionId: os.versionId } : null,
    packages: packagesOf(input.catalog),
    executables,
    setuid: facts.setuid,
    setgid: facts.setgid,
    worldWritable: facts.worldWritable,
    users: facts.users,
    groups: facts.groups,
    config: profileConfigOf(input.config),
    layers: input.layers.map((layer) => ({ digest: layer.digest, size: layer.size })),
    totalSize: input.layers.reduce((sum, layer) => sum + layer.size, 0),
    fileCount: facts.fileCount,
    filesPerTopDir: facts.filesPerTopDir,
    integrity: {
      modifiedPackageFiles: modified,
      unownedSystemExecutables: unowned.map((executable) => ({ path: executable.path, sha256: executable.sha256 })),
      verifiedFiles: facts.integrity.verified,
      unverifiable: facts.integrity.unverifiable,
    },
    persistence: facts.persistence,
  };
}
