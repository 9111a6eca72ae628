import { compareDigits, stripZeros } from './semver.js';
import { invalidVersion, type VersionError } from './version-error.js';

// Token kinds in the order apk requires them: digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}.
const enum Kind {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  Hash,
  Revision,
  End,
}

interface Token {
  readonly kind: Kind;
  readonly value: string;
  /** Suffix rank: pre-release suffixes negative, post-release positive. */
  readonly rank: number;
}

/** An apk version as its token list, ending with an End token. */
export type AlpineVersion = readonly Token[];

const PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

function suffixRank(name: string): number | undefined {
  const pre = PRE_SUFFIXES.indexOf(name);
  if (pre !== -1) return pre - PRE_SUFFIXES.length;
  const post = POST_SUFFIXES.indexOf(name);
  return post === -1 ? undefined : post + 1;
}

const TOKEN = /\.([0-9]+)|([a-z])|_([a-z]+)|([0-9]+)|~([0-9a-f]+)|-r([0-9]+)/y;

/** Parses an apk version (apk-tools `version.c`); a token out of order or an unknown `_suffix` is an error. */
export function parseAlpineVersion(raw: string): AlpineVersion | VersionError {
  const s = raw.trim();
  const first = /^[0-9]+/.exec(s);
  if (!first) return invalidVersion('Alpine', raw, 'must start with a digit');
  const tokens: Token[] = [{ kind: Kind.InitialDigit, value: stripZeros(first[0]), rank: 0 }];
  TOKEN.lastIndex = first[0].length;
  let last: Kind = Kind.InitialDigit;
  while (TOKEN.lastIndex < s.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m) return invalidVersion('Alpine', raw, `unexpected character at offset ${at}`);
    const token = classify(m);
    if (token === undefined) return invalidVersion('Alpine', raw, `unknown suffix "_${m[3]}"`);
    if (!allowedAfter(last, token.kind)) return invalidVersion('Alpine', raw, `"${m[0]}" is out of order`);
    tokens.push(token);
    last = token.kind;
  }
  tokens.push({ kind: Kind.End, value: '', rank: 0 });
  return tokens;
}

function classify(m: RegExpExecArray): Token | undefined {
  if (m[1] !== undefined) return { kind: Kind.Digit, value: m[1], rank: 0 };
  if (m[2] !== undefined) return { kind: Kind.Letter, value: m[2], rank: 0 };
  if (m[3] !== undefined) {
    const rank = suffixRank(m[3]);
    return rank === undefined ? undefined : { kind: Kind.Suffix, value: m[3], rank };
  }
  if (m[4] !== undefined) return { kind: Kind.SuffixNumber, value: stripZeros(m[4]), rank: 0 };
  if (m[5] !== undefined) return { kind: Kind.Hash, value: m[5], rank: 0 };
  return { kind: Kind.Revision, value: stripZeros(m[6]!), rank: 0 };
}

function allowedAfter(prev: Kind, next: Kind): boolean {
  switch (next) {
    case Kind.Digit:
    case Kind.Letter:
      return prev <= Kind.Digit;
    case Kind.Suffix:
      return prev <= Kind.SuffixNumber;
    case Kind.SuffixNumber:
      return prev === Kind.Suffix;
    default:
      return prev < next;
  }
}

function compareToken(a: Token, b: Token): number {
  switch (a.kind) {
    case Kind.Digit:
      // A component with a leading zero compares as text, as in the Gentoo rules apk follows (1.01 < 1.1).
      if (a.value.startsWith('0') || b.value.startsWith('0')) return compareText(a.value, b.value);
      return compareDigits(a.value, b.value);
    case Kind.Letter:
    case Kind.Hash:
      return compareText(a.value, b.value);
    case Kind.Suffix:
      return a.rank - b.rank;
    default:
      return compareDigits(a.value, b.value);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** apk's `apk_version_compare`: token by token; when one runs out, a pre-release suffix is lower, else the longer is higher. */
export function compareAlpineVersions(a: AlpineVersion, b: AlpineVersion): number {
  let i = 0;
  while (a[i]!.kind === b[i]!.kind && a[i]!.kind !== Kind.End) {
    const c = compareToken(a[i]!, b[i]!);
    if (c !== 0) return c;
    i++;
  }
  const ta = a[i]!;
  const tb = b[i]!;
  if (ta.kind === tb.kind) return 0;
  if (ta.kind === Kind.Suffix && ta.rank < 0) return -1;
  if (tb.kind === Kind.Suffix && tb.rank < 0) return 1;
  return ta.kind > tb.kind ? -1 : 1;
}
