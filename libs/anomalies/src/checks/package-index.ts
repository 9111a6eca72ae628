import { type BuildProfile, type ProfilePackage } from '@dhi/profile';

/** A package's identity across builds: the same name at two locations (two node_modules) is two packages. */
export function packageKey(pkg: ProfilePackage): string {
  return `${pkg.ecosystem}\u0000${pkg.location}\u0000${pkg.name}`;
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
