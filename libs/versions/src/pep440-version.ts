import { compareDigits, stripZeros, type SemverIdentifier } from './semver.js';
import { invalidVersion, type VersionError } from './version-error.js';

/** A PEP 440 version normalised to the sort key of `packaging.version.Version`. */
export interface Pep440Version {
  readonly epoch: string;
  /** Release segment without trailing zeros (`1.0.0` and `1` are equal). */
  readonly release: readonly string[];
  /** Pre-release as [rank, number]: a < b < rc; rank 3 = none; rank -1 = a dev release of the bare version. */
  readonly pre: readonly [number, string];
  /** Post-release number, or undefined when there is none (sorts below `.post0`). */
  readonly post: string | undefined;
  /** Dev-release number, or undefined when there is none (sorts above every `.devN`). */
  readonly dev: string | undefined;
  /** Local segments (after `+`), lower-cased; numeric ones (without leading zeros) sort above words. */
  readonly local: readonly SemverIdentifier[] | undefined;
}

// packaging's VERSION_PATTERN, verbatim in meaning.
const PEP440 = new RegExp(
  '^\\s*v?(?:(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)' +
    '([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?' +
    '((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?' +
    '([-_.]?(dev)[-_.]?([0-9]+)?)?)' +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

const PRE_RANK: Readonly<Record<string, number>> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };
const NO_PRE = 3;

/**
 * Parses a PEP 440 version with the normalisations of `packaging` ≥ 22 (`2.0beta1` = `2.0b1`, `1.0-1` = `1.0.post1`,
 * `v1.0`, case and separators). Strings `packaging` rejects (LegacyVersion is gone since 22) are errors: such a
 * version has no defined order, so it can only ever match an advisory's explicit `versions` list by equal text.
 */
export function parsePep440Version(raw: string): Pep440Version | VersionError {
  const m = PEP440.exec(raw);
  if (!m) return invalidVersion('PyPI', raw, 'not a PEP 440 version');
  const release = m[2]!.split('.').map(stripZeros);
  while (release.length > 1 && release[release.length - 1] === '0') release.pop();
  const post = m[6] === undefined ? undefined : stripZeros(m[7] ?? m[9] ?? '0');
  const dev = m[10] === undefined ? undefined : stripZeros(m[12] ?? '0');
  let pre: [number, string];
  if (m[3] !== undefined) pre = [PRE_RANK[m[4]!.toLowerCase()]!, stripZeros(m[5] ?? '0')];
  else if (post === undefined && dev !== undefined) pre = [-1, '0'];
  else pre = [NO_PRE, '0'];
  const local = m[13]
    ?.toLowerCase()
    .split(/[-_.]/)
    .map((p) => (/^[0-9]+$/.test(p) ? { numeric: true, value: stripZeros(p) } : { numeric: false, value: p }));
  return { epoch: stripZeros(m[1] ?? '0'), release, pre, post, dev, local };
}

/** The order of `packaging.version.Version` (its `_cmpkey`). */
export function comparePep440Versions(a: Pep440Version, b: Pep440Version): number {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareRelease(a.release, b.release) ||
    a.pre[0] - b.pre[0] ||
    compareDigits(a.pre[1], b.pre[1]) ||
    compareOptional(a.post, b.post, -1) ||
    compareOptional(a.dev, b.dev, 1) ||
    compareLocal(a.local, b.local)
  );
}

function compareRelease(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

// `missing` is the sign of an absent number against any present one.
function compareOptional(a: string | undefined, b: string | undefined, missing: number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? missing : -missing;
  return compareDigits(a, b);
}

function compareLocal(a: Pep440Version['local'], b: Pep440Version['local']): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.numeric !== y.numeric) return x.numeric ? 1 : -1;
    const c = x.numeric ? compareDigits(x.value, y.value) : x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
