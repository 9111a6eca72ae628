import { causedBy, createEvent, emptySeverityCounts, TOPICS } from '@dhi/contracts';
import { enqueueEvents, type OutboxItem } from '@dhi/persistence';
import { type AnalysedBuild } from '@dhi/service-kit';
import { type EntityManager } from 'typeorm';
import { insertFindings, toFindingRecord } from '../finding.entity.js';
import { imageFindings } from '../match-vulnerabilities/image-findings.js';
import { lockMatchingShared } from '../match-vulnerabilities/matching-lock.js';
import { storeSbomKeys } from '../match-vulnerabilities/sbom-keys.js';
import { SbomRecord } from '../sbom.entity.js';
import { ScanRecord } from '../scan.entity.js';
import { SCANNER_VERSION } from '../version.js';
import { type ImageReading } from './read-build-image.js';
import { summarise } from './scan-result.js';

const SOURCE = 'dhi/scanner';
// findings are sorted most severe first; a scan.completed carries at most this many (every one is on the findings topic)
const MAX_EVENT_FINDINGS = 1_000;

/**
 * The scanner's part of handling build.completed (BuildAnalysisModule reads the image, catalogBuild its packages):
 * inserts the scan with its catalog and enqueues its events in the handleOnce transaction; null when the build was
 * scanned already.
 */
export async function storeScan(
  manager: EntityManager,
  { event, buildId, build, inventory, modelVersion, extra: { catalog, hits, report } }: AnalysedBuild<ImageReading>,
): Promise<string | null> {
  const layerDigests = event.data.image.layers.map((layer) => layer.digest);
  const packageCount = catalog.packages.length;
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ScanRecord)
    .values({ buildId, ...build, scannerVersion: SCANNER_VERSION, modelVersion, inventory, summary: emptySeverityCounts(), packageCount, report })
    .orIgnore()
    .returning('build_id')
    .execute();
  if ((inserted.raw as unknown[]).length === 0) return null;
  const { os, packages, removed, notes } = catalog;
  await manager.insert(SbomRecord, { buildId, os, packages, removed, notes });
  await lockMatchingShared(manager);
  const { findings, keys } = await imageFindings(manager, catalog, layerDigests, hits);
  await storeSbomKeys(manager, buildId, keys);
  const summary = summarise(findings);
  await manager.update(ScanRecord, { buildId }, { summary });
  if (findings.length > 0) await insertFindings(manager, findings.map((f) => toFindingRecord(buildId, f)));

  const options = { source: SOURCE, cause: causedBy(event) };
  const completed = createEvent(
    TOPICS.scanCompleted,
    buildId,
    {
      buildId, build, scannerVersion: SCANNER_VERSION, modelVersion, sbomRef: `/v1/builds/${buildId}/sbom`, packageCount, inventory, summary,
      findings: findings.slice(0, MAX_EVENT_FINDINGS), findingCount: findings.length, findingsTruncated: findings.length > MAX_EVENT_FINDINGS,
    },
    options,
  );
  const items: OutboxItem[] = [{ topic: TOPICS.scanCompleted, envelope: completed }];
  for (const finding of findings) {
    items.push({ topic: TOPICS.findings, envelope: createEvent(TOPICS.findings, buildId, { buildId, build, modelVersion, change: 'detected', trigger: { kind: 'scan' }, finding }, options) });
  }
  await enqueueEvents(manager, items);
  return completed.id;
}
