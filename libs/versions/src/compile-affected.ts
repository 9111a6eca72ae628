import { ecosystemOf, type Ecosystem } from './ecosystem.js';
import { eventOf, type OsvAffected, type OsvRange } from './osv-types.js';
import { compareParsed, parseVersion, type ParsedVersion } from './parse-version.js';
import { isVersionError, type VersionError } from './version-error.js';

export interface CompiledEvent {
  readonly kind: 'introduced' | 'fixed' | 'last_affected';
  readonly version: string;
  /** Undefined for `introduced: "0"`, which precedes every version. */
  readonly parsed: ParsedVersion | undefined;
}

export interface CompiledRange {
  readonly scheme: Ecosystem;
  /** Sorted by version; events at the same version keep the record's order. */
  readonly events: readonly CompiledEvent[];
  /** `limit` bounds ('*' = none); a version must be below one of them. Empty when the range has none. */
  readonly limits: readonly (ParsedVersion | '*')[];
}

/** An `affected` entry with every bound parsed and sorted once, ready to be evaluated against many versions. */
export interface CompiledAffected {
  readonly ecosystem: Ecosystem;
  readonly ranges: readonly CompiledRange[];
  readonly versions: ReadonlySet<string>;
  readonly parsedVersions: readonly ParsedVersion[];
  /** Bounds that could not be parsed; their ranges (or listed versions) are left out of evaluation. */
  readonly errors: readonly VersionError[];
}

// SEMVER ranges are SemVer 2.0 whatever the ecosystem; Go's parser also takes OSV's v-less Go versions.
function schemeOf(range: OsvRange, ecosystem: Ecosystem): Ecosystem | undefined {
  if (range.type === 'ECOSYSTEM') return ecosystem;
  if (range.type === 'SEMVER') return ecosystem === 'Go' ? 'Go' : 'npm';
  return undefined;
}

function compileRange(range: OsvRange, scheme: Ecosystem, errors: VersionError[]): CompiledRange | undefined {
  const events: CompiledEvent[] = [];
  const limits: (ParsedVersion | '*')[] = [];
  for (const raw of range.events) {
    const event = eventOf(raw);
    if (!event) continue;
    if (event.kind === 'introduced' && event.version === '0') {
      events.push({ kind: 'introduced', version: '0', parsed: undefined });
      continue;
    }
    if (event.kind === 'limit' && event.version === '*') {
      limits.push('*');
      continue;
    }
    const parsed = parseVersion(scheme, event.version);
    if (isVersionError(parsed)) {
      errors.push(parsed);
      return undefined;
    }
    if (event.kind === 'limit') limits.push(parsed);
    else events.push({ kind: event.kind, version: event.version, parsed });
  }
  events.sort((a, b) => (a.parsed === undefined ? (b.parsed === undefined ? 0 : -1) : b.parsed === undefined ? 1 : compareParsed(a.parsed, b.parsed)));
  return { scheme, events, limits };
}

/** Parses and sorts the bounds of an `affected` entry under `ecosystem` (an OSV ecosystem string or scheme name). */
export function compileAffected(ecosystem: Ecosystem | string, affected: OsvAffected): CompiledAffected | VersionError {
  const eco = ecosystemOf(ecosystem);
  if (isVersionError(eco)) return eco;
  const errors: VersionError[] = [];
  const ranges: CompiledRange[] = [];
  for (const range of affected.ranges ?? []) {
    const scheme = schemeOf(range, eco);
    const compiled = scheme === undefined ? undefined : compileRange(range, scheme, errors);
    if (compiled) ranges.push(compiled);
  }
  const parsedVersions: ParsedVersion[] = [];
  for (const v of affected.versions ?? []) {
    const parsed = parseVersion(eco, v);
    // A listed version that cannot be ordered still matches by its exact text.
    if (!isVersionError(parsed)) parsedVersions.push(parsed);
  }
  return { ecosystem: eco, ranges, versions: new Set(affected.versions ?? []), parsedVersions, errors };
}
