import { type Anomaly, emptySeverityCounts, type SeverityCounts } from '@dhi/contracts';

/** Counts of the anomalies a reviewer has to look at, by severity; suppressed ones stay stored but are not counted. */
export function summarise(anomalies: Anomaly[]): SeverityCounts {
  const summary = emptySeverityCounts();
  for (const anomaly of anomalies) if (!anomaly.suppressed) summary[anomaly.severity] += 1;
  return summary;
}
