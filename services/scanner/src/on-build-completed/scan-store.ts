import { causedBy, createEvent, type Finding, TOPICS } from '@dhi/contracts';
import { enqueueEvents, type OutboxItem } from '@dhi/persistence';
import { type AnalysedBuild } from '@dhi/service-kit';
import { type CatalogResult } from '@dhi/sbom';
import { type EntityManager } from 'typeorm';
import { FindingRecord, toFindingRecord } from '../finding.entity.js';
import { SbomRecord } from '../sbom.entity.js';
import { ScanRecord } from '../scan.entity.js';
import { SCANNER_VERSION } from '../version.js';
import { summarise } from './scan-result.js';

const SOURCE = 'dhi/scanner';

/**
 * The scanner's part of handling build.completed (BuildAnalysisModule reads the image, catalogBuild its packages):
 * inserts the scan with its catalog and enqueues its events in the handleOnce transaction; null when the build was
 * scanned already.
 */
export async function storeScan(
  manager: EntityManager,
  { event, buildId, build, inventory, modelVersion, extra: catalog }: AnalysedBuild<CatalogResult>,
): Promise<string | null> {
  // advisories and rules arrive with their own issues; until then a scan reports the inventory and packages and no
  // findings rather than invented ones, and the loops below carry real findings once rules produce them
  const findings: Finding[] = [];
  const packageCount = catalog.packages.length;
  const summary = summarise(findings);
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ScanRecord)
    .values({ buildId, ...build, scannerVersion: SCANNER_VERSION, modelVersion, inventory, summary, packageCount })
    .orIgnore()
    .returning('build_id')
    .execute();
  if ((inserted.raw as unknown[]).length === 0) return null;
  const { os, packages, removed, notes } = catalog;
  await manager.insert(SbomRecord, { buildId, os, packages, removed, notes });
  if (findings.length > 0) await manager.insert(FindingRecord, findings.map((f) => toFindingRecord(buildId, f)));

  const options = { source: SOURCE, cause: causedBy(event) };
  const completed = createEvent(
    TOPICS.scanCompleted,
    buildId,
    { buildId, build, scannerVersion: SCANNER_VERSION, modelVersion, sbomRef: `/v1/builds/${buildId}/sbom`, packageCount, inventory, summary, findings },
    options,
  );
  const items: OutboxItem[] = [{ topic: TOPICS.scanCompleted, envelope: completed }];
  for (const finding of findings) {
    items.push({ topic: TOPICS.findings, envelope: createEvent(TOPICS.findings, buildId, { buildId, modelVersion, finding }, options) });
  }
  await enqueueEvents(manager, items);
  return completed.id;
}
