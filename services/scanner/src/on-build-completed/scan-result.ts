import { type Finding, type SeverityCounts, emptySeverityCounts } from '@dhi/contracts';

/** Counts of the findings a reviewer has to look at, by severity; suppressed findings stay stored but are not counted. */
export function summarise(findings: Finding[]): SeverityCounts {
  const summary = emptySeverityCounts();
  for (const finding of findings) if (!finding.suppressed) summary[finding.severity] += 1;
  return summary;
}
