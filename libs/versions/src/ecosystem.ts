import { VersionError } from './version-error.js';

/** The version-ordering schemes this library knows; the names are OSV's, `RPM` covers every rpm-based distribution. */
export const ECOSYSTEMS = ['Debian', 'Alpine', 'npm', 'PyPI', 'Go', 'Maven', 'RPM'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

// OSV ecosystem names (lower-cased, release suffix dropped), plus the purl types an SBOM uses for the same packages.
const NAMES: Readonly<Record<string, Ecosystem>> = {
  debian: 'Debian',
  ubuntu: 'Debian',
  alpine: 'Alpine',
  wolfi: 'Alpine',
  chainguard: 'Alpine',
  npm: 'npm',
  pypi: 'PyPI',
  go: 'Go',
  maven: 'Maven',
  rpm: 'RPM',
  'red hat': 'RPM',
  'rocky linux': 'RPM',
  almalinux: 'RPM',
  opensuse: 'RPM',
  suse: 'RPM',
  mageia: 'RPM',
  openeuler: 'RPM',
  'azure linux': 'RPM',
  mariner: 'RPM',
  'amazon linux': 'RPM',
  'oracle linux': 'RPM',
  fedora: 'RPM',
  centos: 'RPM',
  'photon os': 'RPM',
  'cbl-mariner': 'RPM',
  deb: 'Debian',
  apk: 'Alpine',
  golang: 'Go',
};
const ALIASES: ReadonlyMap<string, Ecosystem> = new Map(Object.entries(NAMES));

/**
 * The ordering scheme of an OSV ecosystem string: the release suffix is dropped (`Debian:12` → Debian,
 * `Alpine:v3.18` → Alpine, `Red Hat:enterprise_linux:9` → RPM); case is ignored. Unknown names give a VersionError.
 */
export function ecosystemOf(osvEcosystem: string): Ecosystem | VersionError {
  const colon = osvEcosystem.indexOf(':');
  const base = (colon === -1 ? osvEcosystem : osvEcosystem.slice(0, colon)).trim().toLowerCase();
  return ALIASES.get(base) ?? new VersionError('unknown_ecosystem', `no version ordering is known for the ecosystem "${osvEcosystem}"`);
}
