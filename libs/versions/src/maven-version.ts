import { compareDigits, stripZeros } from './semver.js';

/** One item of Maven's ComparableVersion: a number, a qualifier, or a sub-list started by `-` or a digit/letter switch. */
export type MavenItem =
  | { readonly kind: 'int'; readonly value: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: MavenItem[] };

/** A Maven version as ComparableVersion's normalised item list. */
export type MavenVersion = MavenItem & { readonly kind: 'list' };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: ReadonlyMap<string, string> = new Map([['ga', ''], ['final', ''], ['release', ''], ['cr', 'rc']]);
const SHORT: ReadonlyMap<string, string> = new Map([['a', 'alpha'], ['b', 'beta'], ['m', 'milestone']]);
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function stringItem(text: string, followedByDigit: boolean): MavenItem {
  let value = text;
  if (followedByDigit) value = SHORT.get(value) ?? value;
  return { kind: 'string', value: ALIASES.get(value) ?? value };
}

function parseItem(isDigit: boolean, text: string): MavenItem {
  return isDigit ? { kind: 'int', value: stripZeros(text) } : stringItem(text, false);
}

/**
 * Parses a Maven version exactly as `org.apache.maven.artifact.versioning.ComparableVersion` (Maven 3.8.7, checked
 * against it) does: tokens split at `.`, `-` and digit/letter transitions, empty tokens are 0, a qualifier after `.`
 * starts a sub-list like `-` does, trailing "null" items (0, "", ga, final, release) removed per sub-list.
 * Every string is a valid Maven version.
 */
export function parseMavenVersion(raw: string): MavenVersion {
  const version = raw.trim().toLowerCase();
  const root: MavenVersion = { kind: 'list', items: [] };
  let list = root;
  const stack: MavenVersion[] = [root];
  const openList = (): void => {
    const next: MavenVersion = { kind: 'list', items: [] };
    list.items.push(next);
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < version.length; i++) {
    const c = version[i]!;
    if (c === '.' || c === '-') {
      list.items.push(i === start ? { kind: 'int', value: '0' } : parseItem(isDigit, version.slice(start, i)));
      start = i + 1;
      if (c === '-') openList();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // Maven treats `.X1` as `-X1` for any qualifier X: 1.0.0.X1 < 1.0.0-X2.
        if (list.items.length > 0) openList();
        list.items.push(stringItem(version.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(parseItem(true, version.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (version.length > start) {
    if (!isDigit && list.items.length > 0) openList();
    list.items.push(parseItem(isDigit, version.slice(start)));
  }
  for (let k = stack.length - 1; k >= 0; k--) normalize(stack[k]!);
  return root;
}

function isNull(item: MavenItem): boolean {
  if (item.kind === 'int') return item.value === '0';
  if (item.kind === 'string') return item.value === '';
  return item.items.length === 0;
}

// Trailing null items go; the scan passes over non-null sub-lists, so `1.0-alpha` becomes `1-alpha`.
function normalize(list: MavenVersion): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const item = list.items[i]!;
    if (isNull(item)) list.items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

function comparableQualifier(value: string): string {
  const i = QUALIFIERS.indexOf(value);
  return i === -1 ? `${QUALIFIERS.length}-${value}` : String(i);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ComparableVersion's Item.compareTo; `b` undefined stands for "nothing left on this side".
function compareItem(a: MavenItem, b: MavenItem | undefined): number {
  if (a.kind === 'int') {
    if (b === undefined) return a.value === '0' ? 0 : 1;
    return b.kind === 'int' ? compareDigits(a.value, b.value) : 1;
  }
  if (a.kind === 'string') {
    if (b === undefined) return compareText(comparableQualifier(a.value), RELEASE_INDEX);
    if (b.kind === 'string') return compareText(comparableQualifier(a.value), comparableQualifier(b.value));
    return -1;
  }
  if (b === undefined) {
    for (const item of a.items) {
      const c = compareItem(item, undefined);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (b.kind === 'int') return -1;
  if (b.kind === 'string') return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const c = l === undefined ? (r === undefined ? 0 : -compareItem(r, undefined)) : compareItem(l, r);
    if (c !== 0) return c;
  }
  return 0;
}

/** Maven's ComparableVersion order: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp. */
export function compareMavenVersions(a: MavenVersion, b: MavenVersion): number {
  return compareItem(a, b);
}
