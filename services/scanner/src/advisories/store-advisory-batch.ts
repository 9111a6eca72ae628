import { type DataSource } from 'typeorm';
import { SCHEMA } from '../config.js';
import { type ChangedKey, queueChangedKeys, returnedRows } from '../rematch/rematch-queue.js';
import { type AdvisoryPackageRow, type AdvisoryRow } from './advisory-rows.js';

/** One advisory ready to store. */
export interface PreparedAdvisory {
  row: AdvisoryRow;
  packages: AdvisoryPackageRow[];
}

/** What one batch did. */
export interface BatchResult {
  imported: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
}

const UPSERT = `INSERT INTO "${SCHEMA}"."advisories" AS a (id, modified, published, withdrawn, aliases, summary, severity, record, source, imported_at)
  SELECT r.id, r.modified, r.published, r.withdrawn, r.aliases, r.summary, r.severity, r.record, r.source, now()
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, modified timestamptz, published timestamptz, withdrawn timestamptz,
    aliases text[], summary text, severity jsonb, record jsonb, source text)
  ON CONFLICT (id) DO UPDATE SET modified = excluded.modified, published = excluded.published, withdrawn = excluded.withdrawn,
    aliases = excluded.aliases, summary = excluded.summary, severity = excluded.severity, record = excluded.record,
    source = excluded.source, imported_at = excluded.imported_at
  WHERE a.modified < excluded.modified
  RETURNING a.id, (xmax = 0) AS inserted, a.withdrawn IS NOT NULL AS withdrawn`;

const DELETE_PACKAGES = `DELETE FROM "${SCHEMA}"."advisory_packages" WHERE advisory_id = ANY($1::text[]) RETURNING advisory_id, ecosystem, name`;

const INSERT_PACKAGES = `INSERT INTO "${SCHEMA}"."advisory_packages" (advisory_id, ecosystem, name, affected)
  SELECT r.advisory_id, r.ecosystem, r.name, r.affected
  FROM jsonb_to_recordset($1::jsonb) AS r(advisory_id text, ecosystem text, name text, affected jsonb)`;

// one statement's worth of package rows; some advisories list hundreds of packages
const PACKAGE_CHUNK = 2_000;

/** Keeps the newest record of each id (by `modified`, then the later one); the others count as unchanged. */
function newestPerId(batch: readonly PreparedAdvisory[]): PreparedAdvisory[] {
  const byId = new Map<string, PreparedAdvisory>();
  for (const item of batch) {
    const seen = byId.get(item.row.id);
    if (!seen || Date.parse(item.row.modified) >= Date.parse(seen.row.modified)) byId.set(item.row.id, item);
  }
  return [...byId.values()];
}

/**
 * Upserts a batch in one transaction: a record replaces the stored one only when its `modified` is newer (decided by
 * Postgres under the row lock, so concurrent imports cannot regress a record), and then its package rows too.
 */
export async function storeAdvisoryBatch(dataSource: DataSource, batch: readonly PreparedAdvisory[]): Promise<BatchResult> {
  const unique = newestPerId(batch);
  const result: BatchResult = { imported: 0, updated: 0, unchanged: batch.length - unique.length, withdrawn: 0 };
  if (unique.length === 0) return result;
  await dataSource.transaction(async (manager) => {
    const written: { id: string; inserted: boolean; withdrawn: boolean }[] = await manager.query(UPSERT, [JSON.stringify(unique.map((item) => item.row))]);
    const writtenIds = new Set(written.map((row) => row.id));
    const updatedIds = written.filter((row) => !row.inserted).map((row) => row.id);
    // the keys an update drops matter as much as the ones it adds: their findings must be resolved
    const dropped = updatedIds.length > 0 ? returnedRows<ChangedKey>(await manager.query(DELETE_PACKAGES, [updatedIds])) : [];
    const packages = unique.filter((item) => writtenIds.has(item.row.id)).flatMap((item) => item.packages);
    for (let start = 0; start < packages.length; start += PACKAGE_CHUNK) {
      await manager.query(INSERT_PACKAGES, [JSON.stringify(packages.slice(start, start + PACKAGE_CHUNK))]);
    }
    await queueChangedKeys(manager, [...dropped, ...packages]);
    result.imported = written.length - updatedIds.length;
    result.updated = updatedIds.length;
    result.unchanged += unique.length - written.length;
    result.withdrawn = written.filter((row) => row.withdrawn).length;
  });
  return result;
}
