import { invalidVersion, type VersionError } from './version-error.js';

/** A dpkg version split into its three parts (dpkg's `parseversion`). */
export interface DebianVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

const MAX_EPOCH = 2147483647;

/**
 * Parses `[epoch:]upstream[-revision]` as dpkg does. The strings dpkg rejects outright (empty parts, a non-numeric
 * epoch, embedded blanks) are errors; what dpkg only warns about (an upstream not starting with a digit, unusual
 * characters) is accepted, because `dpkg --compare-versions` orders those too.
 */
export function parseDebianVersion(raw: string): DebianVersion | VersionError {
  const s = raw.trim();
  if (s === '') return invalidVersion('Debian', raw, 'version string is empty');
  if (/\s/.test(s)) return invalidVersion('Debian', raw, 'version string has embedded spaces');
  let rest = s;
  let epoch = 0;
  const colon = s.indexOf(':');
  if (colon !== -1) {
    const epochText = s.slice(0, colon);
    if (epochText === '') return invalidVersion('Debian', raw, 'epoch in version is empty');
    if (!/^[0-9]+$/.test(epochText)) return invalidVersion('Debian', raw, 'epoch in version is not number');
    epoch = Number(epochText);
    if (epoch > MAX_EPOCH) return invalidVersion('Debian', raw, 'epoch in version is too big');
    rest = s.slice(colon + 1);
    if (rest === '') return invalidVersion('Debian', raw, 'nothing after colon in version number');
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (hyphen !== -1 && revision === '') return invalidVersion('Debian', raw, 'revision number is empty');
  if (upstream === '') return invalidVersion('Debian', raw, 'version number is empty');
  return { epoch, upstream, revision };
}

/** dpkg's ordering: epoch numerically, then upstream and revision with `verrevcmp`. */
export function compareDebianVersions(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

const ZERO = 48;
const NINE = 57;
const TILDE = 126;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

// dpkg's character weight: `~` before the end of the string, the end before letters, letters before other symbols.
function order(c: number): number {
  if (Number.isNaN(c) || isDigit(c)) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === TILDE) return -1;
  return c + 256;
}

/** dpkg's `verrevcmp`: alternating non-digit runs (by character weight) and digit runs (numerically). */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === ZERO) i++;
    while (b.charCodeAt(j) === ZERO) j++;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}
