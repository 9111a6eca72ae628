import { type SeverityCounts } from '@dhi/contracts';

/** The sum of all severities. */
export function totalOf(counts: SeverityCounts): number {
  return counts.critical + counts.high + counts.medium + counts.low + counts.info;
}

/** `2 critical, 1 high` (only severities that occur), or `none`. */
export function describeCounts(counts: SeverityCounts): string {
  const parts = (['critical', 'high', 'medium', 'low', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
