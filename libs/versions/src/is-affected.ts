import { compileAffected, type CompiledAffected, type CompiledRange } from './compile-affected.js';
import { type Ecosystem } from './ecosystem.js';
import { type OsvAffected } from './osv-types.js';
import { compareParsed, parseVersion, type ParsedVersion } from './parse-version.js';
import { isVersionError, type VersionError } from './version-error.js';

/** Whether one installed version is affected, and what to upgrade to. */
export interface AffectedResult {
  readonly affected: boolean;
  /** How it matched: the explicit `versions` list, or an ECOSYSTEM/SEMVER range. */
  readonly matchedBy?: 'versions' | 'range';
  /**
   * The lowest version that leaves every matching range: per range the first `fixed` above the installed version,
   * the highest of those across ranges. Absent when a matching range has no fix (open, or closed by `last_affected`).
   */
  readonly fixed?: string;
  /** The `last_affected` bound that closes the matching range, when that range has no `fixed`. */
  readonly lastAffected?: string;
  /** Versions that could not be ordered: the installed one, or bounds whose range was left out. */
  readonly errors: readonly VersionError[];
}

interface RangeHit {
  fixed?: ParsedVersion;
  lastAffected?: ParsedVersion;
}

function beforeLimits(v: ParsedVersion, range: CompiledRange): boolean {
  return range.limits.length === 0 || range.limits.some((l) => l === '*' || compareParsed(v, l) < 0);
}

// The OSV schema's evaluation: walk the sorted events up to the version; the last one reached decides.
function evaluateRange(v: ParsedVersion, range: CompiledRange): RangeHit | undefined {
  if (!beforeLimits(v, range)) return undefined;
  let vulnerable = false;
  let next = range.events.length;
  for (let i = 0; i < range.events.length; i++) {
    const e = range.events[i]!;
    const c = e.parsed === undefined ? 1 : compareParsed(v, e.parsed);
    if (c < 0) {
      next = i;
      break;
    }
    if (e.kind === 'introduced') vulnerable = true;
    else if (e.kind === 'fixed') vulnerable = false;
    else if (c > 0) vulnerable = false;
  }
  if (!vulnerable) return undefined;
  for (let i = 0; i < range.events.length; i++) {
    const e = range.events[i]!;
    if (e.kind === 'fixed' && i >= next) return { fixed: e.parsed };
    if (e.kind === 'last_affected' && e.parsed !== undefined && compareParsed(v, e.parsed) <= 0) return { lastAffected: e.parsed };
  }
  return {};
}

function highest(values: readonly (ParsedVersion | undefined)[]): string | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return (values as ParsedVersion[]).reduce((a, b) => (compareParsed(a, b) >= 0 ? a : b)).raw;
}

/** Evaluates a compiled `affected` entry against one installed version (see `isAffected`). */
export function evaluateAffected(compiled: CompiledAffected, version: string): AffectedResult {
  const errors: VersionError[] = [...compiled.errors];
  const installed = parseVersion(compiled.ecosystem, version);
  if (isVersionError(installed)) errors.push(installed);
  const listed =
    compiled.versions.has(version) || (!isVersionError(installed) && compiled.parsedVersions.some((p) => compareParsed(installed, p) === 0));
  const hits: RangeHit[] = [];
  for (const range of compiled.ranges) {
    const v = range.scheme === compiled.ecosystem ? installed : parseVersion(range.scheme, version);
    if (isVersionError(v)) {
      if (!errors.includes(v)) errors.push(v);
      continue;
    }
    const hit = evaluateRange(v, range);
    if (hit) hits.push(hit);
  }
  if (hits.length === 0) return listed ? { affected: true, matchedBy: 'versions', errors } : { affected: false, errors };
  const fixed = highest(hits.map((h) => h.fixed));
  const lastAffected = fixed === undefined ? highest(hits.filter((h) => !h.fixed).map((h) => h.lastAffected)) : undefined;
  return { affected: true, matchedBy: 'range', ...(fixed === undefined ? {} : { fixed }), ...(lastAffected === undefined ? {} : { lastAffected }), errors };
}

const compiledCache = new WeakMap<OsvAffected, Map<string, CompiledAffected | VersionError>>();

/**
 * Whether `version` of a package in `ecosystem` is affected by one OSV `affected` entry: listed in `versions`, or
 * inside an ECOSYSTEM or SEMVER range (`introduced`, `fixed`, `last_affected` inclusive, `limit`); GIT ranges are
 * ignored. The entry is compiled once per ecosystem and cached while the object lives.
 */
export function isAffected(ecosystem: Ecosystem | string, version: string, affected: OsvAffected): AffectedResult {
  let perEcosystem = compiledCache.get(affected);
  if (!perEcosystem) compiledCache.set(affected, (perEcosystem = new Map()));
  let compiled = perEcosystem.get(ecosystem);
  if (!compiled) perEcosystem.set(ecosystem, (compiled = compileAffected(ecosystem, affected)));
  if (isVersionError(compiled)) return { affected: false, errors: [compiled] };
  return evaluateAffected(compiled, version);
}
