import { compareAlpineVersions, parseAlpineVersion, type AlpineVersion } from './alpine-version.js';
import { compareDebianVersions, parseDebianVersion, type DebianVersion } from './debian-version.js';
import { ecosystemOf, type Ecosystem } from './ecosystem.js';
import { parseGoVersion } from './go-version.js';
import { compareMavenVersions, parseMavenVersion, type MavenVersion } from './maven-version.js';
import { parseNpmVersion } from './npm-version.js';
import { comparePep440Versions, parsePep440Version, type Pep440Version } from './pep440-version.js';
import { compareRpmVersions, parseRpmVersion, type RpmVersion } from './rpm-version.js';
import { compareSemver, type Semver } from './semver.js';
import { VersionError, isVersionError } from './version-error.js';

/** A version parsed once for repeated comparison; `key` is the scheme's own structure. */
export interface ParsedVersion {
  readonly ecosystem: Ecosystem;
  readonly raw: string;
  readonly key: unknown;
}

interface Scheme {
  parse(raw: string): unknown;
  compare(a: unknown, b: unknown): number;
}

function scheme<K>(parse: (raw: string) => K | VersionError, compare: (a: K, b: K) => number): Scheme {
  return { parse, compare: compare as (a: unknown, b: unknown) => number };
}

const SCHEMES: Readonly<Record<Ecosystem, Scheme>> = {
  Debian: scheme<DebianVersion>(parseDebianVersion, compareDebianVersions),
  Alpine: scheme<AlpineVersion>(parseAlpineVersion, compareAlpineVersions),
  npm: scheme<Semver>(parseNpmVersion, compareSemver),
  PyPI: scheme<Pep440Version>(parsePep440Version, comparePep440Versions),
  Go: scheme<Semver>(parseGoVersion, compareSemver),
  Maven: scheme<MavenVersion>(parseMavenVersion, compareMavenVersions),
  RPM: scheme<RpmVersion>(parseRpmVersion, compareRpmVersions),
};

// Advisory bounds repeat across thousands of records; a bounded cache per scheme keeps each string parsed once.
const CACHE_LIMIT = 200_000;
const caches = new Map<Ecosystem, Map<string, ParsedVersion | VersionError>>();

function resolve(ecosystem: Ecosystem | string): Ecosystem | VersionError {
  return Object.hasOwn(SCHEMES, ecosystem) ? (ecosystem as Ecosystem) : ecosystemOf(ecosystem);
}

/**
 * Parses `raw` under the ordering rules of `ecosystem` (a scheme name or any OSV ecosystem string such as
 * `Debian:12`), memoised. Returns a VersionError for a string the scheme cannot order or an unknown ecosystem.
 */
export function parseVersion(ecosystem: Ecosystem | string, raw: string): ParsedVersion | VersionError {
  const eco = resolve(ecosystem);
  if (isVersionError(eco)) return eco;
  let cache = caches.get(eco);
  if (!cache) caches.set(eco, (cache = new Map()));
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const key = SCHEMES[eco].parse(raw);
  const parsed = isVersionError(key) ? key : { ecosystem: eco, raw, key };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, parsed);
  return parsed;
}

/** Orders two versions parsed under the same scheme. */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): -1 | 0 | 1 {
  if (a.ecosystem !== b.ecosystem) throw new Error(`cannot compare a ${a.ecosystem} version with a ${b.ecosystem} version`);
  const c = SCHEMES[a.ecosystem].compare(a.key, b.key);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Like `compareVersions`, but an unparseable version or unknown ecosystem is returned as a VersionError. */
export function tryCompareVersions(ecosystem: Ecosystem | string, a: string, b: string): -1 | 0 | 1 | VersionError {
  const pa = parseVersion(ecosystem, a);
  if (isVersionError(pa)) return pa;
  const pb = parseVersion(ecosystem, b);
  if (isVersionError(pb)) return pb;
  return compareParsed(pa, pb);
}

/** Sign of `a − b` under the ordering rules of `ecosystem`; throws the VersionError when either cannot be ordered. */
export function compareVersions(ecosystem: Ecosystem | string, a: string, b: string): -1 | 0 | 1 {
  const result = tryCompareVersions(ecosystem, a, b);
  if (result instanceof VersionError) throw result;
  return result;
}
