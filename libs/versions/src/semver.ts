/** One prerelease identifier; numeric ones keep their digits without leading zeros and compare by value. */
export interface SemverIdentifier {
  readonly numeric: boolean;
  readonly value: string;
}

/** A semantic version reduced to what orders it: build metadata is dropped (SemVer 2.0 §10). */
export interface Semver {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly prerelease: readonly SemverIdentifier[];
}

/** Compares two digit strings without leading zeros by value, however long they are. */
export function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops leading zeros, keeping a single `0`. */
export function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Parses dot-separated prerelease identifiers; undefined when one is empty or has a character SemVer forbids. */
export function parseIdentifiers(text: string, allowLeadingZeros: boolean): SemverIdentifier[] | undefined {
  const out: SemverIdentifier[] = [];
  for (const part of text.split('.')) {
    if (!/^[0-9A-Za-z-]+$/.test(part)) return undefined;
    if (/^[0-9]+$/.test(part)) {
      if (!allowLeadingZeros && part.length > 1 && part.startsWith('0')) return undefined;
      out.push({ numeric: true, value: stripZeros(part) });
    } else {
      out.push({ numeric: false, value: part });
    }
  }
  return out;
}

function compareIdentifier(a: SemverIdentifier, b: SemverIdentifier): number {
  if (a.numeric && b.numeric) return compareDigits(a.value, b.value);
  if (a.numeric !== b.numeric) return a.numeric ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** SemVer 2.0 precedence (§11): core numerically, a prerelease below its release, identifiers left to right. */
export function compareSemver(a: Semver, b: Semver): number {
  const core = compareDigits(a.major, b.major) || compareDigits(a.minor, b.minor) || compareDigits(a.patch, b.patch);
  if (core !== 0) return core;
  const ap = a.prerelease;
  const bp = b.prerelease;
  if (ap.length === 0 || bp.length === 0) return ap.length === bp.length ? 0 : ap.length === 0 ? 1 : -1;
  const n = Math.min(ap.length, bp.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(ap[i]!, bp[i]!);
    if (c !== 0) return c;
  }
  return ap.length === bp.length ? 0 : ap.length < bp.length ? -1 : 1;
}
