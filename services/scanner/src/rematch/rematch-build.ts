import { causedBy, createEvent, type Finding, type FindingTrigger, TOPICS } from '@dhi/contracts';
import { enqueueEvents, type OutboxItem } from '@dhi/persistence';
import { type EntityManager, In, Like } from 'typeorm';
import { FindingRecord, insertFindings, toFinding, toFindingRecord } from '../finding.entity.js';
import { lockMatchingShared } from '../match-vulnerabilities/matching-lock.js';
import { vulnerabilityFindings } from '../match-vulnerabilities/image-findings.js';
import { summarise } from '../on-build-completed/scan-result.js';
import { SbomRecord } from '../sbom.entity.js';
import { ScanRecord } from '../scan.entity.js';
import { SCANNER_VERSION } from '../version.js';
import { diffFindings, type FindingDiff } from './finding-diff.js';

const SOURCE = 'dhi/scanner';
// re-matching owns the vulnerability findings; coverage findings come from the catalog and stay as scanned
const VULNERABILITY_IDS = Like('vuln-%');

export interface RematchResult {
  detected: number;
  updated: number;
  resolved: number;
}

async function applyDiff(manager: EntityManager, buildId: string, diff: FindingDiff): Promise<void> {
  const now = new Date();
  const upserts = [...diff.detected, ...diff.updated];
  const existing = await manager.findBy(FindingRecord, { buildId, id: In(upserts.map((f) => f.id)) });
  const known = new Set(existing.map((r) => r.id));
  await insertFindings(manager, diff.detected.filter((f) => !known.has(f.id)).map((f) => toFindingRecord(buildId, f)));
  for (const finding of upserts.filter((f) => known.has(f.id))) {
    const reopened = diff.detected.includes(finding);
    await manager.update(FindingRecord, { buildId, id: finding.id }, {
      ...finding, status: 'open', updatedAt: now, resolvedAt: null, ...(reopened ? { detectedAt: now } : {}),
    });
  }
  if (diff.resolved.length > 0) {
    await manager.update(FindingRecord, { buildId, id: In(diff.resolved.map((f) => f.id)) }, { status: 'resolved', resolvedAt: now, updatedAt: now });
  }
}

/**
 * Re-evaluates one scanned build's stored SBOM against the advisory database as it is now, in the caller's
 * transaction: stores what appeared, changed or went away, updates the scan's counts, and enqueues one findings event per
 * change plus one scan.rematched. Nothing is published when nothing changed. Null when the build has no stored SBOM.
 */
export async function rematchBuild(manager: EntityManager, buildId: string, advisoryIds: readonly string[]): Promise<RematchResult | null> {
  const scan = await manager.findOneBy(ScanRecord, { buildId });
  const sbom = await manager.findOneBy(SbomRecord, { buildId });
  if (!scan || !sbom) return null;
  await lockMatchingShared(manager);
  const { findings } = await vulnerabilityFindings(manager, sbom);
  const stored = await manager.findBy(FindingRecord, { buildId, id: VULNERABILITY_IDS });
  const diff = diffFindings(stored.map((r) => ({ finding: toFinding(r), status: r.status })), findings);
  const result = { detected: diff.detected.length, updated: diff.updated.length, resolved: diff.resolved.length };
  if (result.detected + result.updated + result.resolved === 0) return result;

  await applyDiff(manager, buildId, diff);
  const open = await manager.findBy(FindingRecord, { buildId, status: 'open' });
  const summary = summarise(open.map(toFinding));
  await manager.update(ScanRecord, { buildId }, { summary });

  const build = { name: scan.name, tag: scan.tag, lineage: scan.lineage, submitter: scan.submitter, imageDigest: scan.imageDigest };
  const trigger: FindingTrigger = { kind: 'advisories', advisoryIds: [...advisoryIds].slice(0, 1000) };
  const rematched = createEvent(TOPICS.scanRematched, buildId, {
    buildId, build, scannerVersion: SCANNER_VERSION, trigger, summary,
    detected: diff.detected.map((f) => f.id), updated: diff.updated.map((f) => f.id), resolved: diff.resolved.map((f) => f.id),
  }, { source: SOURCE });
  const options = { source: SOURCE, cause: causedBy(rematched) };
  const change = (kind: 'detected' | 'updated' | 'resolved', finding: Finding): OutboxItem => ({
    topic: TOPICS.findings,
    envelope: createEvent(TOPICS.findings, buildId, { buildId, build, modelVersion: scan.modelVersion, change: kind, trigger, finding }, options),
  });
  await enqueueEvents(manager, [
    ...diff.detected.map((f) => change('detected', f)),
    ...diff.updated.map((f) => change('updated', f)),
    ...diff.resolved.map((f) => change('resolved', f)),
    { topic: TOPICS.scanRematched, envelope: rematched },
  ]);
  return result;
}
