import { type Anomaly, emptySeverityCounts, type SeverityCounts } from '@dhi/contracts';

/** Counts of the anomalies a reviewer has to look at, by severity; suppressed ones stay stored but are not counted. */
export function summarise(anomalies: Anomaly[]): SeverityCounts {
  const summary = emptySeverityCounts();
  for (const anomaly of anomalies) if (!anomaly.suppressed) summary[anomaly.severity] += 1;
  return summary;
}

/** The build's overall score: the confidence of its strongest unsuppressed anomaly, 0 when there is none. */
export function overallScore(anomalies: Anomaly[]): number {
  return anomalies.reduce((score, anomaly) => (anomaly.suppressed ? score : Math.max(score, anomaly.confidence)), 0);
}
