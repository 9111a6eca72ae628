import { createHash } from 'node:crypto';

/**
 * A finding's stable id: a hash of what makes it the same issue (never of what changes between builds, such as the
 * installed version or the layer digest), prefixed by its kind so ids read at a glance.
 */
export function findingFingerprint(kind: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of [kind, ...parts]) hash.update(part).update('\u0000');
  return `${kind}-${hash.digest('hex').slice(0, 24)}`;
}
