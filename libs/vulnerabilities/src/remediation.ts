import { type Package } from '@dhi/sbom';

// Dockerfile lines that upgrade one OS package in place; a language package's fix belongs in its own manifest
const UPGRADE_LINES: Partial<Record<Package['ecosystem'], (name: string) => string>> = {
  deb: (name) => `RUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade ${name} && rm -rf /var/lib/apt/lists/*`,
  apk: (name) => `RUN apk upgrade --no-cache ${name}`,
};

const displayVersion = (pkg: Package, version: string): string => (pkg.ecosystem === 'golang' && /^\d/.test(version) ? `v${version}` : version);

function upgradeText(pkg: Package, fixed: string): string {
  if (pkg.ecosystem === 'golang' && pkg.name === 'stdlib') return `Rebuild ${pkg.locations[0] ?? 'the Go binary'} with Go ${fixed} or later.`;
  if (pkg.ecosystem === 'golang') {
    return `Upgrade ${pkg.name} to ${displayVersion(pkg, fixed)} or later in the go.mod of ${pkg.locations[0] ?? 'the Go binary'} and rebuild it.`;
  }
  const source = pkg.source && pkg.source.name !== pkg.name ? ` (from source package ${pkg.source.name})` : '';
  const where = pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk' || pkg.ecosystem === 'rpm' ? ', or rebuild on a base image that has it' : '';
  return `Upgrade ${pkg.name}${source} to ${fixed} or later${where}.`;
}

/** What to do about a vulnerable package: the upgrade when a fix is known, the options when none is. */
export function remediationOf(pkg: Package, fixed: string | null, lastAffected: string | null): string {
  if (fixed !== null) return upgradeText(pkg, fixed);
  const bound = lastAffected === null ? '' : ` (last affected version: ${lastAffected})`;
  return `No fixed version of ${pkg.name} is published yet${bound}; remove ${pkg.name} if the image does not need it, or record the accepted risk in review.`;
}

/** A Dockerfile line that applies the fix, where that is mechanical (OS packages with a fix); null otherwise. */
export function patchOf(pkg: Package, fixed: string | null): string | null {
  const line = fixed === null ? undefined : UPGRADE_LINES[pkg.ecosystem];
  return line ? line(pkg.name) : null;
}
