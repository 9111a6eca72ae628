import { type Severity } from '@dhi/contracts';

/** Laplace smoothing: one imagined build with and one without every feature, so nothing has probability 0 or 1. */
export const LAPLACE_ALPHA = 1;

/**
 * The surprisal prior of an absolute (integrity) fact, in bits: treated as a 1-in-8 event, so a modified package file
 * or a second uid 0 is medium or high by its kind's importance alone, whatever the baseline.
 */
export const ABSOLUTE_BITS = 3;

/** A drift feature whose unweighted score is below this many bits is what the baseline usually shows: not reported. */
export const REPORT_MIN_BITS = 1;

/** Robust z-scores beyond this are a size or file-count jump (Iglewicz & Hoaglin's outlier cut-off). */
export const Z_LIMIT = 3.5;

// Score bands in weighted bits; anomalies stop at high: they are deviations to review, not confirmed compromise.
const BANDS: readonly [number, Severity][] = [
  [4, 'high'],
  [2.5, 'medium'],
  [1.5, 'low'],
];

/** Baseline size beyond which more builds no longer raise the surprisal of a never-seen feature. */
export const EVIDENCE_CAP = 8;

/** Smoothed probability that a build shows a feature `count` of `n` baseline builds showed. */
export function smoothedProbability(count: number, n: number): number {
  // a larger baseline sharpens the frequency, not the scale: counts are taken as if from at most EVIDENCE_CAP builds,
  // so a never-seen package scores the same with 8 approved builds as with 20 (severity bands stay meaningful)
  const scale = n > EVIDENCE_CAP ? EVIDENCE_CAP / n : 1;
  return (count * scale + LAPLACE_ALPHA) / (n * scale + 2 * LAPLACE_ALPHA);
}

/** Surprisal in bits of a feature that `count` of `n` baseline builds showed: −log2 of its smoothed probability. */
export function surprisal(count: number, n: number): number {
  return -Math.log2(smoothedProbability(count, n));
}

/** Severity of a weighted score (surprisal × kind importance × model weight) in bits. */
export function severityOf(score: number): Severity {
  for (const [min, severity] of BANDS) if (score >= min) return severity;
  return 'info';
}

/** Confidence that the build really deviates: 1 − 2^(−s·w), monotone in the weighted surprisal, 0 for weight 0. */
export function confidenceOf(bits: number, weight: number): number {
  const c = 1 - 2 ** -(Math.max(0, bits) * Math.max(0, weight));
  return Math.min(1, Math.max(0, c));
}

/** Bits-equivalent of a robust z-score: |z| / 2, so the cut-off 3.5 is low, 5 medium and 8 high. */
export function zBits(z: number): number {
  return Math.abs(z) / 2;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Robust z of `x` against `baseline`: 0.6745 (x − median) / MAD. The spread is at least 1 % of the median (and at
 * least 1), so identical approved builds do not turn a one-file change into an outlier.
 */
export function robustZ(x: number, baseline: readonly number[]): { z: number; median: number; mad: number; spread: number } {
  const med = median(baseline);
  const mad = median(baseline.map((v) => Math.abs(v - med)));
  const spread = Math.max(mad, 0.01 * Math.abs(med), 1);
  return { z: (0.6745 * (x - med)) / spread, median: med, mad, spread };
}
