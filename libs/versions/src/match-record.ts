import { ecosystemOf } from './ecosystem.js';
import { isAffected, type AffectedResult } from './is-affected.js';
import { type OsvAffected, type OsvRecordLike } from './osv-types.js';
import { tryCompareVersions } from './parse-version.js';
import { isVersionError } from './version-error.js';

/** An installed package as matching sees it; `ecosystem` is OSV's string, with the distro release for OS packages. */
export interface PackageRef {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
}

/** The name under which `name` is looked up in `ecosystem`: PEP 503 for PyPI, case-folded for npm, as is otherwise. */
export function packageNameKey(ecosystem: string, name: string): string {
  const eco = ecosystemOf(ecosystem);
  if (eco === 'PyPI') return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
  // npm names are lower-case today; advisories sometimes spell them as the project does (GHSA "Axios").
  if (eco === 'npm') return name.trim().toLowerCase();
  return name.trim();
}

function packageOf(affected: OsvAffected): { ecosystem: string; name: string } | undefined {
  if (affected.package) return affected.package;
  return affected.ecosystem !== undefined && affected.name !== undefined ? { ecosystem: affected.ecosystem, name: affected.name } : undefined;
}

/**
 * Whether an advisory's ecosystem covers the package's: equal ignoring case (`Debian:12` = `debian:12`), or the
 * advisory names no release (`Debian`) and the bases agree. `Debian:11` never covers `Debian:12`.
 */
export function ecosystemCovers(advisoryEcosystem: string, packageEcosystem: string): boolean {
  const a = advisoryEcosystem.trim().toLowerCase();
  const p = packageEcosystem.trim().toLowerCase();
  if (a === p) return true;
  return !a.includes(':') && p.startsWith(`${a}:`);
}

// Keeps the highest of the bounds, or none when one affected entry has none: only a version past every bound fixes.
function highestOf(ecosystem: string, values: readonly (string | undefined)[]): string | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return (values as string[]).reduce((a, b) => (tryCompareVersions(ecosystem, a, b) === -1 ? b : a));
}

/** Combines the results of several `affected` entries for one package (a record may split its ranges over entries). */
export function mergeResults(ecosystem: string, results: readonly AffectedResult[]): AffectedResult {
  const errors = results.flatMap((r) => r.errors);
  const hits = results.filter((r) => r.affected);
  if (hits.length === 0) return { affected: false, errors };
  const fixed = highestOf(ecosystem, hits.map((h) => h.fixed));
  const lastAffected = fixed === undefined ? highestOf(ecosystem, hits.filter((h) => h.fixed === undefined).map((h) => h.lastAffected)) : undefined;
  const matchedBy = hits.some((h) => h.matchedBy === 'range') ? 'range' : 'versions';
  return { affected: true, matchedBy, ...(fixed === undefined ? {} : { fixed }), ...(lastAffected === undefined ? {} : { lastAffected }), errors };
}

/**
 * Matches one installed package against one OSV record: a withdrawn record never matches; otherwise every
 * `affected` entry for the same ecosystem and name is evaluated, and the results are merged (`mergeResults`).
 */
export function matchRecord(record: OsvRecordLike, pkg: PackageRef): AffectedResult {
  if (record.withdrawn) return { affected: false, errors: [] };
  const eco = ecosystemOf(pkg.ecosystem);
  if (isVersionError(eco)) return { affected: false, errors: [eco] };
  const name = packageNameKey(pkg.ecosystem, pkg.name);
  const results: AffectedResult[] = [];
  for (const affected of record.affected ?? []) {
    const target = packageOf(affected);
    if (!target || !ecosystemCovers(target.ecosystem, pkg.ecosystem) || packageNameKey(target.ecosystem, target.name) !== name) continue;
    results.push(isAffected(pkg.ecosystem, pkg.version, affected));
  }
  return mergeResults(pkg.ecosystem, results);
}
