/** One line of a dpkg `.md5sums` file: the checksum of a file as the package shipped it. */
export interface PackageChecksum {
  /** Absolute, as listed (`/usr/bin/tail`; on merged-/usr systems possibly `/bin/...`). */
  path: string;
  md5: string;
}

/** Where dpkg keeps file checksums: `info/<pkg>[:arch].md5sums`, or distroless `status.d/<pkg>.md5sums`. */
export const DPKG_MD5SUMS = /^\/var\/lib\/dpkg\/(?:info|status\.d)\/[^/]+\.md5sums$/;
export const DPKG_STATUS = '/var/lib/dpkg/status';
export const DPKG_DIVERSIONS = '/var/lib/dpkg/diversions';

/** The package an md5sums file belongs to: its file name without `.md5sums` and without a `:arch` qualifier. */
export function md5sumsPackage(path: string): string {
  const stem = path.slice(path.lastIndexOf('/') + 1, -'.md5sums'.length);
  const colon = stem.indexOf(':');
  return colon === -1 ? stem : stem.slice(0, colon);
}

// md5sum's output: the digest, a space, then a space (text mode) or `*` (binary mode), then the path
const MD5SUMS_LINE = /^([0-9a-fA-F]{32}) [ *](.+)$/;

/** The lines of an md5sums file (paths made absolute); lines that are not `<md5>  <path>` are skipped. */
export function parseMd5sums(text: string): PackageChecksum[] {
  const sums: PackageChecksum[] = [];
  for (const line of text.split('\n')) {
    const match = MD5SUMS_LINE.exec(line);
    if (match) sums.push({ md5: match[1].toLowerCase(), path: `/${match[2].replace(/^\/+/, '')}` });
  }
  return sums;
}

/**
 * Every conffile path of the status file (each package's `Conffiles:` field, whose continuation lines are
 * ` <path> <md5> [obsolete|remove-on-upgrade]`). Only this field is read: the catalog parses the rest.
 */
export function parseConffiles(status: string): Set<string> {
  const conffiles = new Set<string>();
  let inField = false;
  for (const line of status.split('\n')) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const path = inField ? line.trim().split(/\s+/)[0] : undefined;
      if (path?.startsWith('/')) conffiles.add(path);
      continue;
    }
    inField = /^conffiles:/i.test(line);
  }
  return conffiles;
}

/** A dpkg diversion: files of packages other than `by` that are installed at `from` go to `to` instead. */
export interface Diversion {
  to: string;
  /** The diverting package; `:` for a local diversion (applies to every package). */
  by: string;
}

/** `/var/lib/dpkg/diversions`: three lines per diversion (from, to, diverting package). */
export function parseDiversions(text: string): Map<string, Diversion> {
  const lines = text.split('\n');
  const diversions = new Map<string, Diversion>();
  for (let i = 0; i + 2 < lines.length; i += 3) {
    if (lines[i].startsWith('/') && lines[i + 1].startsWith('/')) diversions.set(lines[i], { to: lines[i + 1], by: lines[i + 2] });
  }
  return diversions;
}

/** Where dpkg put a package's file: the diverted path unless the package is the one that diverts it. */
export function divertedPath(path: string, pkg: string, diversions: ReadonlyMap<string, Diversion>): string {
  const diversion = diversions.get(path);
  return diversion && diversion.by !== pkg ? diversion.to : path;
}
