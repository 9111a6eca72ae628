import { type AffectedPackage, type RangeEvent } from '../advisory.js';

/** How a Debian release stands for a package: fixed in a version, not fixed yet, or no longer supported. */
export type DebianStatus = 'fixed' | 'unfixed' | 'end-of-life' | 'undetermined';

/**
 * The affected entry for a package in one release: every version before the fix, or every version when there is no
 * fix. The tracker's status (and urgency, when known) is kept in `databaseSpecific`.
 */
export function debianAffected(
  ecosystem: string,
  name: string,
  status: DebianStatus,
  fixed?: string,
  extra: Record<string, unknown> = {},
): AffectedPackage {
  const events: RangeEvent[] = [{ kind: 'introduced', version: '0' }];
  if (status === 'fixed' && fixed !== undefined) events.push({ kind: 'fixed', version: fixed });
  return {
    ecosystem,
    name,
    purl: `pkg:deb/debian/${encodeURIComponent(name)}?arch=source`,
    ranges: [{ type: 'ECOSYSTEM', events }],
    databaseSpecific: { status, ...extra },
  };
}
