import { randomUUID } from 'node:crypto';
import { createEvent, type Envelope, type ReviewCompleted, type ReviewDecision, type ReviewOpened, type Verdict, TOPICS } from '@dhi/contracts';

const features = {
  signal: 'vuln.osv',
  category: 'vulnerability',
  severity: 'high' as const,
  pathPrefix: '/usr/lib',
  ecosystem: 'deb',
  lineage: 'dhi/node',
  layerPosition: null,
  evidenceStrength: 0.9,
};

/** review.opened of a case with two items. */
export function reviewOpened(buildId: string, caseId: string): Envelope<ReviewOpened> {
  return createEvent(
    TOPICS.reviewOpened,
    buildId,
    {
      caseId,
      buildId,
      lineage: 'dhi/node',
      openedAt: new Date().toISOString(),
      itemCount: 2,
      items: [
        { itemId: randomUUID(), source: 'scanner', features },
        { itemId: randomUUID(), source: 'anomaly-detector', features: { ...features, signal: 'new-setuid', category: 'anomaly' } },
      ],
    },
    { source: 'dhi/review' },
  );
}

/** review.decision on one item of a case. */
export function reviewDecision(buildId: string, caseId: string): Envelope<ReviewDecision> {
  return createEvent(
    TOPICS.reviewDecision,
    buildId,
    { caseId, itemId: randomUUID(), buildId, features, decision: 'false_positive', reason: 'test fixture', reviewer: 'rita', decidedAt: new Date().toISOString() },
    { source: 'dhi/review' },
  );
}

/** review.completed with a verdict. */
export function reviewCompleted(buildId: string, caseId: string, verdict: Verdict): Envelope<ReviewCompleted> {
  return createEvent(
    TOPICS.reviewCompleted,
    buildId,
    { caseId, buildId, lineage: 'dhi/node', verdict, comment: verdict === 'rejected' ? 'secret in a layer' : '', reviewer: 'rita', decidedAt: new Date().toISOString() },
    { source: 'dhi/review' },
  );
}
