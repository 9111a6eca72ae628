import { type CheckHit, findingOf } from '@dhi/checks';
import { type Finding, Severity } from '@dhi/contracts';
import { type CatalogResult } from '@dhi/sbom';
import { coverageFindings, indexCandidates, lookupEcosystems, lookupIn, matchPackages, matchTargetsOf, vulnerabilityFinding } from '@dhi/vulnerabilities';
import { type EntityManager } from 'typeorm';
import { ruleOf } from '../rules/rule-catalog.js';
import { type AdvisoryKey, loadCandidates, loadRelatedSeverities } from './advisory-candidates.js';

/** Until the first model gives each signal its own, every finding starts from this confidence. */
export const PRIOR_CONFIDENCE = 0.8;

export interface ImageFindings {
  findings: Finding[];
  /** Every key the image's packages are looked up by: stored with the scan for re-matching. */
  keys: AdvisoryKey[];
  /** Package versions or advisory bounds that could not be ordered (logged, never a silent finding). */
  versionErrors: number;
}

/** The advisory keys of a catalog's packages, each once. */
export function advisoryKeysOf(catalog: Pick<CatalogResult, 'os' | 'packages'>): AdvisoryKey[] {
  const keys = new Map<string, AdvisoryKey>();
  for (const pkg of catalog.packages) {
    for (const target of matchTargetsOf(pkg, catalog.os)) {
      for (const ecosystem of lookupEcosystems(target.ecosystem)) keys.set(`${ecosystem}\u0000${target.name}`, { ecosystem, name: target.name });
    }
  }
  return [...keys.values()];
}

const rank = (finding: Finding): number => Severity.options.indexOf(finding.severity);

/** Most severe first, then by id: the order findings are stored, served and published in. */
export function sortFindings(findings: Iterable<Finding>): Finding[] {
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
}

/** The vulnerability findings of a cataloged image against the advisory database as the transaction sees it. */
export async function vulnerabilityFindings(manager: EntityManager, catalog: Pick<CatalogResult, 'os' | 'packages'>): Promise<ImageFindings> {
  const keys = advisoryKeysOf(catalog);
  const index = indexCandidates(await loadCandidates(manager, keys));
  const { matches, errors } = matchPackages(catalog.packages, catalog.os, lookupIn(index));
  const unrated = matches.filter((m) => m.advisories.every((a) => a.severity.rating === undefined)).flatMap((m) => m.advisoryIds);
  const related = await loadRelatedSeverities(manager, unrated);
  const context = { confidence: PRIOR_CONFIDENCE, relatedSeverity: (ids: readonly string[]) => ids.flatMap((id) => related.get(id) ?? []) };
  const byId = new Map<string, Finding>();
  for (const finding of matches.map((m) => vulnerabilityFinding(m, context))) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  return { findings: sortFindings(byId.values()), keys, versionErrors: errors.length };
}

/**
 * Everything a scan finds in a cataloged image: its vulnerabilities, plus info findings for what could not be cataloged
 * (those do not change with advisories, so re-matching leaves them alone).
 */
export async function imageFindings(
  manager: EntityManager,
  catalog: Pick<CatalogResult, 'os' | 'packages' | 'notes'>,
  layerDigests: readonly string[],
  hits: readonly CheckHit[],
): Promise<ImageFindings> {
  const result = await vulnerabilityFindings(manager, catalog);
  const coverage = coverageFindings(catalog.notes, layerDigests, PRIOR_CONFIDENCE);
  const checks = new Map<string, Finding>();
  for (const hit of hits) {
    const finding = findingOf(hit, ruleOf(hit.ruleId), PRIOR_CONFIDENCE);
    if (!checks.has(finding.id)) checks.set(finding.id, finding);
  }
  return { ...result, findings: sortFindings([...result.findings, ...coverage, ...checks.values()]) };
}
