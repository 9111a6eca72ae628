import { type OsRelease } from '@dhi/image';
import { type OsIdentity } from './types.js';

// OSV ecosystem names per os-release ID, and how much of VERSION_ID each keys its releases by.
const MAJOR = (v: string): string | null => /^(\d+)/.exec(v)?.[1] ?? null;
const MAJOR_MINOR = (v: string): string | null => /^(\d+\.\d+)/.exec(v)?.[1] ?? null;
const ECOSYSTEMS: Record<string, (versionId: string) => string | null> = {
  debian: (v) => (MAJOR(v) ? `Debian:${MAJOR(v)}` : null),
  alpine: (v) => (MAJOR_MINOR(v) ? `Alpine:v${MAJOR_MINOR(v)}` : null),
  ubuntu: (v) => (MAJOR_MINOR(v) ? `Ubuntu:${MAJOR_MINOR(v)}` : null),
  rocky: (v) => (MAJOR(v) ? `Rocky Linux:${MAJOR(v)}` : null),
  almalinux: (v) => (MAJOR(v) ? `AlmaLinux:${MAJOR(v)}` : null),
  'opensuse-leap': (v) => (MAJOR_MINOR(v) ? `openSUSE:Leap ${MAJOR_MINOR(v)}` : null),
};
// rolling distributions: one ecosystem whatever the version
const ROLLING: Record<string, string> = { wolfi: 'Wolfi', chainguard: 'Chainguard' };

/** The OS of an image with the OSV ecosystem its packages' advisories are published under. */
export function osIdentity(release: OsRelease | null): OsIdentity | null {
  if (!release) return null;
  const id = release.id.toLowerCase();
  const ecosystem = ROLLING[id] ?? (release.versionId ? ECOSYSTEMS[id]?.(release.versionId) ?? null : null);
  return { id, versionId: release.versionId, prettyName: release.prettyName, ecosystem };
}

/** The purl `distro` qualifier (`debian-12`, `alpine-3.18.4`); null without an OS. */
export function distroQualifier(os: OsIdentity | null): string | null {
  if (!os) return null;
  return os.versionId ? `${os.id}-${os.versionId}` : os.id;
}
