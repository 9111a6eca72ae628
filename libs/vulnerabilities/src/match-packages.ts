import { type AdvisorySeverity } from '@dhi/advisories';
import { type OsIdentity, type Package } from '@dhi/sbom';
import { matchRecord, tryCompareVersions, type VersionError } from '@dhi/versions';
import { aliasGroups, primaryIdOf } from './alias-groups.js';
import { type AdvisoryCandidate, candidateKey } from './candidate.js';
import { lookupEcosystems, matchTargetsOf, type MatchTarget } from './match-target.js';

/** One matched advisory of a package. */
export interface MatchedAdvisory {
  id: string;
  aliases: readonly string[];
  summary: string | null;
  severity: AdvisorySeverity;
  fixed?: string;
  lastAffected?: string;
}

/** A vulnerability of one installed package: the advisories that describe it, merged. */
export interface VulnerabilityMatch {
  package: Package;
  target: MatchTarget;
  /** CVE when the group names exactly one, else the smallest matched advisory id. */
  primaryId: string;
  /** The primary id first, then every matched id and alias, sorted. */
  advisoryIds: string[];
  advisories: MatchedAdvisory[];
  /** The lowest version past every matched advisory's fix; null when no advisory names one. */
  fixed: string | null;
  lastAffected: string | null;
}

export interface MatchOutcome {
  matches: VulnerabilityMatch[];
  /** Versions that could not be ordered (the installed one, or an advisory's bound), with the package they concern. */
  errors: { package: string; error: VersionError }[];
}

/** The advisories among the candidates under one target key that affect the target's version. */
function matchTarget(target: MatchTarget, candidates: readonly AdvisoryCandidate[], errors: VersionError[]): MatchedAdvisory[] {
  const byAdvisory = new Map<string, AdvisoryCandidate[]>();
  for (const candidate of candidates) byAdvisory.set(candidate.advisoryId, [...(byAdvisory.get(candidate.advisoryId) ?? []), candidate]);
  const matched: MatchedAdvisory[] = [];
  for (const [id, entries] of byAdvisory) {
    const result = matchRecord({ id, affected: entries.map((entry) => entry.affected) }, target);
    errors.push(...result.errors);
    if (!result.affected) continue;
    const { aliases, summary, severity } = entries[0]!;
    matched.push({ id, aliases, summary, severity, ...(result.fixed ? { fixed: result.fixed } : {}), ...(result.lastAffected ? { lastAffected: result.lastAffected } : {}) });
  }
  return matched;
}

/** The highest of the versions (by the target's ordering), or null for none. */
function highest(ecosystem: string, versions: (string | undefined)[]): string | null {
  const known = versions.filter((v): v is string => v !== undefined);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (tryCompareVersions(ecosystem, a, b) === -1 ? b : a));
}

function groupMatches(pkg: Package, target: MatchTarget, matched: MatchedAdvisory[]): VulnerabilityMatch[] {
  return aliasGroups(matched).map((indexes) => {
    const advisories = indexes.map((i) => matched[i]!).sort((a, b) => (a.id < b.id ? -1 : 1));
    const matchedIds = advisories.map((a) => a.id);
    const all = [...new Set(advisories.flatMap((a) => [a.id, ...a.aliases]))];
    const primaryId = primaryIdOf(matchedIds, all);
    const advisoryIds = [primaryId, ...all.filter((id) => id !== primaryId).sort()];
    // sources describing one vulnerability may disagree on the fix; the highest known fix clears every one of them
    const fixed = highest(target.ecosystem, advisories.map((a) => a.fixed));
    const lastAffected = fixed === null ? highest(target.ecosystem, advisories.map((a) => a.lastAffected)) : null;
    return { package: pkg, target, primaryId, advisoryIds, advisories, fixed, lastAffected };
  });
}

/**
 * Matches the packages of an image against advisory candidates (looked up by `candidatesFor` per ecosystem and name
 * key): distro-aware keys (matchTargetsOf), OSV ECOSYSTEM/SEMVER ranges and version lists, GIT ranges ignored. Advisories
 * of one package that alias each other become one match; the same advisory found under two keys of one package
 * (an rpm's binary and source name) counts once.
 */
export function matchPackages(
  packages: readonly Package[],
  os: OsIdentity | null,
  candidatesFor: (ecosystem: string, name: string) => readonly AdvisoryCandidate[],
): MatchOutcome {
  const matches: VulnerabilityMatch[] = [];
  const errors: MatchOutcome['errors'] = [];
  for (const pkg of packages) {
    const seen = new Set<string>();
    for (const target of matchTargetsOf(pkg, os)) {
      const candidates = lookupEcosystems(target.ecosystem).flatMap((ecosystem) => candidatesFor(ecosystem, target.name));
      if (candidates.length === 0) continue;
      const versionErrors: VersionError[] = [];
      const matched = matchTarget(target, candidates, versionErrors).filter((m) => !seen.has(m.id));
      for (const m of matched) seen.add(m.id);
      errors.push(...versionErrors.map((error) => ({ package: `${pkg.name}@${pkg.version}`, error })));
      matches.push(...groupMatches(pkg, target, matched));
    }
  }
  return { matches, errors };
}

/** A lookup over candidates indexed with indexCandidates. */
export const lookupIn =
  (index: ReadonlyMap<string, readonly AdvisoryCandidate[]>) =>
  (ecosystem: string, name: string): readonly AdvisoryCandidate[] =>
    index.get(candidateKey(ecosystem, name)) ?? [];

