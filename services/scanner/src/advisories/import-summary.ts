/** One record that could not be imported: where it came from and why. */
export interface ImportError {
  source: string;
  reason: string;
}

/** What an import did, counted per record. */
export interface ImportSummary {
  /** New advisory ids. */
  imported: number;
  /** Known ids whose `modified` was newer: replaced with their package rows. */
  updated: number;
  /** Known ids whose `modified` was not newer (and in-source duplicates of an id): skipped. */
  unchanged: number;
  /** Of the imported and updated records, those that are withdrawn (stored, flagged, never matched). */
  withdrawn: number;
  /** Records that could not be read or stored. */
  failed: number;
  /** The first 50 failures. */
  errors: ImportError[];
  durationMs: number;
}

export const MAX_REPORTED_ERRORS = 50;

/** A zeroed summary to count into. */
export function emptySummary(): ImportSummary {
  return { imported: 0, updated: 0, unchanged: 0, withdrawn: 0, failed: 0, errors: [], durationMs: 0 };
}

/** Counts a failure; keeps its detail while fewer than 50 are kept. */
export function addFailure(summary: ImportSummary, source: string, reason: string): void {
  summary.failed += 1;
  if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push({ source, reason });
}
