import { invalidVersion, type VersionError } from './version-error.js';

/** An rpm EVR: `[epoch:]version[-release]`; a missing epoch is 0 and a missing release is empty. */
export interface RpmVersion {
  readonly epoch: number;
  readonly version: string;
  readonly release: string;
}

/** Parses an EVR as rpm splits it: epoch before the first `:`, release after the last `-`. */
export function parseRpmVersion(raw: string): RpmVersion | VersionError {
  const s = raw.trim();
  if (s === '') return invalidVersion('RPM', raw, 'version string is empty');
  const colon = s.indexOf(':');
  let epoch = 0;
  if (colon !== -1) {
    const text = s.slice(0, colon);
    if (!/^[0-9]+$/.test(text)) return invalidVersion('RPM', raw, 'epoch is not a number');
    epoch = Number(text);
  }
  const rest = s.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  const version = hyphen === -1 ? rest : rest.slice(0, hyphen);
  if (version === '') return invalidVersion('RPM', raw, 'version is empty');
  return { epoch, version, release: hyphen === -1 ? '' : rest.slice(hyphen + 1) };
}

/** rpm's EVR order: epoch numerically, then version and release with `rpmvercmp`. */
export function compareRpmVersions(a: RpmVersion, b: RpmVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

const TILDE = 126;
const CARET = 94;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSegmentChar(c: number): boolean {
  return isDigit(c) || isAlpha(c) || c === TILDE || c === CARET;
}

/**
 * rpm's `rpmvercmp` (rpm ≥ 4.15): alphanumeric segments, numbers above letters, `~` below everything including the
 * end of the string, `^` above the end of the string but below any further segment.
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isSegmentChar(a.charCodeAt(i))) i++;
    while (j < b.length && !isSegmentChar(b.charCodeAt(j))) j++;
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(ca);
    const test = numeric ? isDigit : isAlpha;
    let ei = i;
    let ej = j;
    while (ei < a.length && test(a.charCodeAt(ei))) ei++;
    while (ej < b.length && test(b.charCodeAt(ej))) ej++;
    // The segments differ in kind: a number is newer than letters.
    if (ej === j) return numeric ? 1 : -1;
    let sa = a.slice(i, ei);
    let sb = b.slice(j, ej);
    if (numeric) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length < sb.length ? -1 : 1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}
