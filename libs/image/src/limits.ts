import { ImageError } from './image-error.js';

/** Bounds on everything an uploaded image controls (DESIGN §5). */
export interface ImageLimits {
  maxArchiveBytes: number;
  maxManifestBytes: number;
  maxEntries: number;
  maxPathLength: number;
  maxDecompressedBytes: number;
  maxCompressionRatio: number;
  maxFileReadBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_IMAGE_LIMITS: ImageLimits = Object.freeze({
  maxArchiveBytes: 2 * GiB,
  maxManifestBytes: 4 * MiB,
  maxEntries: 500_000,
  maxPathLength: 4096,
  maxDecompressedBytes: 8 * GiB,
  maxCompressionRatio: 100,
  maxFileReadBytes: 1 * MiB,
});

/**
 * The ratio limit only applies past this many decompressed bytes: tar padding and tiny files compress far better than
 * 100:1, so a small legitimate layer would otherwise be refused.
 */
export const RATIO_CHECK_FLOOR_BYTES = 1 * MiB;

/** The defaults overridden by the given values (each must be a positive number). */
export function resolveLimits(overrides?: Partial<ImageLimits>): ImageLimits {
  const limits = { ...DEFAULT_IMAGE_LIMITS };
  for (const [key, value] of Object.entries(overrides ?? {}) as [keyof ImageLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(typeof value === 'number' && value > 0)) throw new RangeError(`image limit ${key} must be a positive number`);
    limits[key] = value;
  }
  return limits;
}

/** The error for a hit limit, naming it so the uploader knows what to change. */
export function limitExceeded(limit: keyof ImageLimits, value: number, what: string): ImageError {
  return new ImageError('limit_exceeded', `${what} exceeds the ${limit} limit (${value})`);
}
