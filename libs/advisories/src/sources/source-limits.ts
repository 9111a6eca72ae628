import { AdvisoryError } from '../advisory-error.js';

/** Bounds on what an advisory source may make the importer read (archives and trees come from outside). */
export interface AdvisorySourceLimits {
  /** Files in a directory tree, or entries in an archive. */
  maxEntries: number;
  /** Bytes of one file or archive entry (a bundle file holds many records). */
  maxRecordBytes: number;
  /** Decompressed bytes of one archive. */
  maxTotalBytes: number;
  /** Decompressed / compressed size, checked once an entry or archive passes 1 MiB. */
  maxCompressionRatio: number;
  /** Directory nesting below the root of a tree. */
  maxDepth: number;
}

// osv.dev's largest per-ecosystem zip (all.zip) holds a few hundred thousand records of a few KiB each.
export const DEFAULT_ADVISORY_SOURCE_LIMITS: AdvisorySourceLimits = {
  maxEntries: 2_000_000,
  maxRecordBytes: 64 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxDepth: 32,
};

export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The limits with the given overrides. */
export function resolveSourceLimits(overrides: Partial<AdvisorySourceLimits> = {}): AdvisorySourceLimits {
  return { ...DEFAULT_ADVISORY_SOURCE_LIMITS, ...overrides };
}

/** The error for a limit that was hit, naming it so the operator can raise it. */
export function limitExceeded(limit: keyof AdvisorySourceLimits, value: number, what: string): AdvisoryError {
  return new AdvisoryError('limit_exceeded', `${what} exceeds the limit ${limit} (${value})`);
}

/** True when a file name looks like an OSV record (JSON or YAML). */
export function isRecordFileName(name: string): boolean {
  return /\.(json|ya?ml)$/i.test(name);
}
