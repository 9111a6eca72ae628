import { type AdvisoryRecordResult } from '@dhi/advisories';
import { type DataSource } from 'typeorm';
import { SCHEMA } from '../config.js';
import { advisoryRows } from './advisory-rows.js';
import { addFailure, emptySummary, type ImportSummary } from './import-summary.js';
import { type BatchResult, type PreparedAdvisory, storeAdvisoryBatch } from './store-advisory-batch.js';

export interface ImportOptions {
  /** What was imported (a file name or path), recorded in the import log. */
  source: string;
  /** Records per statement and transaction. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 500;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function addBatch(summary: ImportSummary, result: BatchResult): void {
  summary.imported += result.imported;
  summary.updated += result.updated;
  summary.unchanged += result.unchanged;
  summary.withdrawn += result.withdrawn;
}

/** Stores a batch; when Postgres refuses it, stores its records one by one so only the bad ones fail. */
async function flush(dataSource: DataSource, batch: PreparedAdvisory[], sources: string[], summary: ImportSummary): Promise<void> {
  if (batch.length === 0) return;
  try {
    addBatch(summary, await storeAdvisoryBatch(dataSource, batch));
  } catch {
    for (const [index, item] of batch.entries()) {
      try {
        addBatch(summary, await storeAdvisoryBatch(dataSource, [item]));
      } catch (error) {
        addFailure(summary, sources[index], `cannot be stored: ${messageOf(error)}`);
      }
    }
  }
}

/**
 * Imports advisory records into the scanner's advisory database in batches (one transaction each) and logs the import.
 * Upserts by id and `modified`; records that cannot be read or stored are counted, never fatal. A source that breaks
 * off (corrupt archive, limit) throws after the batches read so far are stored.
 */
export async function importAdvisories(dataSource: DataSource, records: AsyncIterable<AdvisoryRecordResult> | Iterable<AdvisoryRecordResult>, options: ImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const startedAt = new Date();
  const summary = emptySummary();
  let batch: PreparedAdvisory[] = [];
  let sources: string[] = [];
  for await (const record of records) {
    if (!record.ok) {
      addFailure(summary, record.source, `${record.error.code}: ${record.error.message}`);
      continue;
    }
    const rows = advisoryRows(record.advisory, record.source);
    if ('error' in rows) {
      addFailure(summary, record.source, rows.error);
      continue;
    }
    batch.push(rows);
    sources.push(record.source);
    if (batch.length >= batchSize) {
      await flush(dataSource, batch, sources, summary);
      batch = [];
      sources = [];
    }
  }
  await flush(dataSource, batch, sources, summary);
  summary.durationMs = Date.now() - startedAt.getTime();
  await dataSource.query(`INSERT INTO "${SCHEMA}"."advisory_imports" (source, started_at, finished_at, summary) VALUES ($1, $2, now(), $3::jsonb)`, [
    options.source,
    startedAt,
    JSON.stringify(summary),
  ]);
  return summary;
}
