import { type AdvisoryErrorCode, toRecordError } from '../advisory-error.js';
import { type Advisory } from '../advisory.js';
import { normaliseOsvRecord } from '../osv/normalise-osv.js';
import { parseOsvDocument } from '../osv/parse-osv-document.js';

/** One record read from a source: the advisory, or why it could not be read. `source` names the file (and record). */
export type AdvisoryRecordResult =
  | { ok: true; source: string; advisory: Advisory; warnings: string[] }
  | { ok: false; source: string; error: { code: AdvisoryErrorCode; message: string } };

/** A failed record as a result value. */
export function failedRecord(source: string, error: unknown): AdvisoryRecordResult {
  return { ok: false, source, error: toRecordError(error) };
}

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Every OSV record in one file's bytes (a single record or a bundle), each normalised or reported. */
export function osvRecordsFromBytes(bytes: Buffer | string, source: string): AdvisoryRecordResult[] {
  let records: unknown[];
  try {
    records = parseOsvDocument(bytes, source);
  } catch (error) {
    return [failedRecord(source, error)];
  }
  const single = records.length === 1;
  return records.map((record, index) => {
    const name = single ? source : `${source}#${idOf(record) ?? index}`;
    try {
      const warnings: string[] = [];
      const advisory = normaliseOsvRecord(record, warnings);
      return { ok: true, source: name, advisory, warnings };
    } catch (error) {
      return failedRecord(name, error);
    }
  });
}
