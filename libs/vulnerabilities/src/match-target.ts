import { type OsIdentity, type Package } from '@dhi/sbom';
import { canonicalEcosystem, ecosystemBase, packageNameKey } from '@dhi/versions';

/** One key under which a package's advisories are published, and the version to compare with their ranges. */
export interface MatchTarget {
  /** Canonical OSV ecosystem, with the distro release for OS packages (`Debian:12`, `npm`). */
  ecosystem: string;
  /** The advisory package name as stored (`packageNameKey`): the source package for Debian and Alpine. */
  name: string;
  version: string;
}

const LANGUAGE_ECOSYSTEMS: Partial<Record<Package['ecosystem'], string>> = { npm: 'npm', pypi: 'PyPI', golang: 'Go', maven: 'Maven' };

const target = (ecosystem: string, name: string, version: string): MatchTarget => ({
  ecosystem: canonicalEcosystem(ecosystem),
  name: packageNameKey(ecosystem, name),
  version,
});

/**
 * The keys a package is matched under: language packages by their ecosystem and name; OS packages only against their
 * distribution release's advisories (from os-release), Debian and Alpine ones through their source package (which is
 * what those advisories name), rpm ones under both the binary and the source name. An OS package without a known
 * release has no key: matching it against another release's advisories would invent or miss findings.
 */
export function matchTargetsOf(pkg: Package, os: OsIdentity | null): MatchTarget[] {
  const language = LANGUAGE_ECOSYSTEMS[pkg.ecosystem];
  if (language) return [target(language, pkg.name, pkg.version)];
  const release = os?.ecosystem;
  if (!release) return [];
  if (pkg.ecosystem === 'rpm') {
    const names = [pkg.name, ...(pkg.source && pkg.source.name !== pkg.name ? [pkg.source.name] : [])];
    return names.map((name) => target(release, name, pkg.version));
  }
  // a binNMU's binary version (`1.2-3+b1`) is not the source version the advisories name
  return [target(release, pkg.source?.name ?? pkg.name, pkg.source?.version ?? pkg.version)];
}

/** The ecosystems stored advisories may use for a target: its own and, for a release, the distribution's unversioned one. */
export function lookupEcosystems(ecosystem: string): string[] {
  const base = ecosystemBase(ecosystem);
  return base === ecosystem ? [ecosystem] : [ecosystem, base];
}
