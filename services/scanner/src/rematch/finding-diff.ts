import { type Finding } from '@dhi/contracts';
import { isDeepStrictEqual } from 'node:util';

/** A stored finding as the diff sees it. */
export interface StoredFinding {
  finding: Finding;
  status: 'open' | 'resolved';
}

export interface FindingDiff {
  /** New, or back after being resolved. */
  detected: Finding[];
  /** Still there with other facts (severity, fixed version, advisories, text); the model's confidence and suppression kept. */
  updated: Finding[];
  /** Open before and no longer found. */
  resolved: Finding[];
}

// what the advisories decide; confidence and suppression belong to the model and stay as stored
const factsOf = ({ severity, title, evidence, remediation, patch }: Finding): unknown => ({ severity, title, evidence, remediation, patch });

/** How re-matching changes a build's stored findings (only those re-matching owns are passed in). */
export function diffFindings(stored: readonly StoredFinding[], current: readonly Finding[]): FindingDiff {
  const byId = new Map(stored.map((s) => [s.finding.id, s]));
  const currentIds = new Set(current.map((f) => f.id));
  const diff: FindingDiff = { detected: [], updated: [], resolved: [] };
  for (const finding of current) {
    const before = byId.get(finding.id);
    if (!before || before.status === 'resolved') diff.detected.push(before ? { ...finding, confidence: before.finding.confidence, suppressed: before.finding.suppressed } : finding);
    else if (!isDeepStrictEqual(factsOf(before.finding), factsOf(finding))) {
      diff.updated.push({ ...finding, confidence: before.finding.confidence, suppressed: before.finding.suppressed });
    }
  }
  for (const before of stored) if (before.status === 'open' && !currentIds.has(before.finding.id)) diff.resolved.push(before.finding);
  return diff;
}
