import { randomUUID } from 'node:crypto';
import { type AnomalyCompleted, type ScanCompleted } from '@dhi/contracts';
import { type ReviewItem } from './review-item.entity.js';
import { anomalyFeatures, findingFeatures } from './signal-features.js';

export type NewReviewItem = Omit<
  ReviewItem,
  'decision' | 'decisionReason' | 'decisionJustification' | 'decisionExpiresAt' | 'decidedBy' | 'decidedAt' | 'createdAt'
>;

/** One item per finding and per anomaly, findings first, each with its learning features. */
export function caseItems(caseId: string, scan: ScanCompleted, anomaly: AnomalyCompleted): NewReviewItem[] {
  const lineage = scan.build.lineage;
  const findings = scan.findings.map((f) => ({
    id: randomUUID(),
    caseId,
    position: 0,
    source: 'scanner' as const,
    refId: f.id,
    kind: f.ruleId,
    category: f.category,
    severity: f.severity,
    confidence: f.confidence,
    suppressed: f.suppressed,
    title: f.title,
    explanation: null,
    remediation: f.remediation,
    evidence: { ...f.evidence, patch: f.patch },
    features: findingFeatures(f, lineage),
  }));
  const anomalies = anomaly.anomalies.map((a) => ({
    id: randomUUID(),
    caseId,
    position: 0,
    source: 'anomaly-detector' as const,
    refId: a.id,
    kind: a.kind,
    category: 'anomaly',
    severity: a.severity,
    confidence: a.confidence,
    suppressed: a.suppressed,
    title: a.title,
    explanation: a.explanation,
    remediation: null,
    evidence: a.evidence,
    features: anomalyFeatures(a, lineage),
  }));
  return [...findings, ...anomalies].map((item, position) => ({ ...item, position }));
}
