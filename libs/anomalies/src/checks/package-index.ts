import { type BuildProfile, type ProfilePackage } from '@dhi/profile';

/** A package's identity across builds: the same name at two locations (two node_modules) is two packages. */
export function packageKey(pkg: ProfilePackage): string {
  return `${pkg.ecosystem}\u0000${versionlessLocation(pkg)}\u0000${pkg.name}`;
}

/**
 * Where a package lives, without its version: Python's `requests-2.31.0.dist-info/METADATA` and Java's
 * `lib/foo-1.2.3.jar` name the version in their path, and an upgrade must stay the same package, not one removed and
 * one added.
 */
export function versionlessLocation(pkg: ProfilePackage): string {
  return pkg.version === '' ? pkg.location : pkg.location.split(pkg.version).join('*');
}

/** The build's packages by identity; a repeated identity keeps its first entry (the profile lists are sorted). */
export function indexPackages(profile: BuildProfile): Map<string, ProfilePackage> {
  const index = new Map<string, ProfilePackage>();
  for (const pkg of profile.packages) {
    const key = packageKey(pkg);
    if (!index.has(key)) index.set(key, pkg);
  }
  return index;
}

/** `openssh-server 1:9.2p1-2 (deb)`. */
export function describePackage(pkg: ProfilePackage): string {
  return `${pkg.name} ${pkg.version} (${pkg.ecosystem})`;
}

/** The evidence every package anomaly carries. */
export function packageEvidence(pkg: ProfilePackage): Record<string, unknown> {
  return { package: pkg.name, ecosystem: pkg.ecosystem, location: pkg.location, source: pkg.source };
}
