import { type SeverityRating } from '../advisory.js';

/** The qualitative rating of a CVSS v3/v4 score (the same bands in both versions). */
export function ratingOfScore(score: number): SeverityRating {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** Splits `CVSS:x.y/K:V/...` into its metrics, rejecting empty, malformed, unknown and repeated ones. */
export function parseVectorMetrics(vector: string, prefix: string, allowed: Record<string, readonly string[]>): Map<string, string> {
  if (!vector.startsWith(prefix)) throw new Error(`it does not start with ${prefix}`);
  const metrics = new Map<string, string>();
  for (const field of vector.slice(prefix.length).split('/')) {
    const [key, value, extra] = field.split(':');
    if (key === undefined || value === undefined || extra !== undefined || key === '' || value === '') {
      throw new Error(`malformed field "${field}"`);
    }
    const values = allowed[key];
    if (!values) throw new Error(`unknown metric "${key}"`);
    if (!values.includes(value)) throw new Error(`invalid value "${value}" for ${key}`);
    if (metrics.has(key)) throw new Error(`metric ${key} appears twice`);
    metrics.set(key, value);
  }
  return metrics;
}
