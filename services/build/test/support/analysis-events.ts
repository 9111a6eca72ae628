import { randomUUID } from 'node:crypto';
import { createEvent, type Envelope, type SeverityCounts, TOPICS } from '@dhi/contracts';

/** What the analysers know of a build (from build.completed). */
export interface BuildFacts {
  id: string;
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
  image: { digest: string };
}

const counts = (partial: Partial<SeverityCounts> = {}): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0, ...partial });
const inventory = { layerCount: 3, fileCount: 7, totalSize: 4096, os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' } };
const ref = (build: BuildFacts) => ({ name: build.name, tag: build.tag, lineage: build.lineage, submitter: build.submitter, imageDigest: build.image.digest });

export function scanCompleted(build: BuildFacts, summary: Partial<SeverityCounts>): Envelope {
  return createEvent(
    TOPICS.scanCompleted,
    build.id,
    { buildId: build.id, build: ref(build), scannerVersion: 'scanner-test', modelVersion: 'm1', sbomRef: null, packageCount: 3, inventory, summary: counts(summary), findings: [] },
    { source: 'dhi/scanner-test' },
  );
}

export function anomalyCompleted(build: BuildFacts, summary: Partial<SeverityCounts>): Envelope {
  return createEvent(
    TOPICS.anomalyCompleted,
    build.id,
    { buildId: build.id, build: ref(build), lineage: build.lineage, baseline: { size: 4, version: 2 }, modelVersion: null, score: 0.25, inventory, summary: counts(summary), anomalies: [] },
    { source: 'dhi/anomaly-test' },
  );
}

export function reviewOpened(build: BuildFacts, caseId: string = randomUUID()): Envelope {
  return createEvent(
    TOPICS.reviewOpened,
    build.id,
    { caseId, buildId: build.id, lineage: build.lineage, openedAt: new Date().toISOString(), itemCount: 0, items: [] },
    { source: 'dhi/review-test' },
  );
}

export function reviewCompleted(build: BuildFacts, verdict: 'approved' | 'rejected', reviewer = 'bob', caseId: string = randomUUID()): Envelope {
  return createEvent(
    TOPICS.reviewCompleted,
    build.id,
    { caseId, buildId: build.id, lineage: build.lineage, verdict, comment: `${verdict} in a test`, reviewer, decidedAt: new Date().toISOString() },
    { source: 'dhi/review-test' },
  );
}

export function scanRematched(build: BuildFacts, summary: Partial<SeverityCounts>, change: { detected?: string[]; resolved?: string[] }): Envelope {
  return createEvent(
    TOPICS.scanRematched,
    build.id,
    {
      buildId: build.id, build: ref(build), scannerVersion: 'scanner-test', trigger: { kind: 'advisories', advisoryIds: ['GHSA-35jh-r3h4-6jhm'] },
      summary: counts(summary), detected: change.detected ?? [], updated: [], resolved: change.resolved ?? [],
    },
    { source: 'dhi/scanner-test' },
  );
}
