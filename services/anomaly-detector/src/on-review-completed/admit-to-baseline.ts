import { type EntityManager } from 'typeorm';
import { BaselineMemberRecord } from '../baseline-member.entity.js';
import { BaselineRecord } from '../baseline.entity.js';
import { ProfileRecord } from '../profile.entity.js';

/** What admitting an approved build did to its lineage's baseline. */
export type Admission =
  | { outcome: 'admitted' | 'already_member' | 'older_than_window'; lineage: string; version: number; size: number }
  | { outcome: 'no_profile' };

/**
 * Adds an approved build to its lineage's baseline, keeping only the newest `window` approvals, and bumps the
 * baseline version when the membership changed. Runs in the caller's transaction.
 */
export async function admitToBaseline(manager: EntityManager, buildId: string, approvedAt: Date, window: number): Promise<Admission> {
  // the profile's lineage is the one the build was analysed in; a build never profiled cannot serve as a reference
  const profile = await manager.getRepository(ProfileRecord).findOne({ where: { buildId }, select: { buildId: true, lineage: true } });
  if (!profile) return { outcome: 'no_profile' };
  const { lineage } = profile;
  const baselines = manager.getRepository(BaselineRecord);
  await baselines.createQueryBuilder().insert().values({ lineage, version: 0, size: 0 }).orIgnore().execute();
  // serialises approvals of one lineage, so concurrent consumers cannot both read the same version and size
  const baseline = await baselines.createQueryBuilder('b').setLock('pessimistic_write').where('b.lineage = :lineage', { lineage }).getOneOrFail();

  const members = manager.getRepository(BaselineMemberRecord);
  const added = await members.createQueryBuilder().insert().values({ lineage, buildId, approvedAt }).orIgnore().returning('build_id').execute();
  if ((added.raw as unknown[]).length === 0) return { outcome: 'already_member', lineage, version: baseline.version, size: baseline.size };

  const dropped = (await manager.query(
    `DELETE FROM baseline_members WHERE lineage = $1 AND build_id NOT IN (
       SELECT build_id FROM baseline_members WHERE lineage = $1 ORDER BY approved_at DESC, build_id DESC LIMIT $2
     ) RETURNING build_id`,
    [lineage, window],
  )) as [{ build_id: string }[], number];
  if (dropped[0].some((row) => row.build_id === buildId)) {
    return { outcome: 'older_than_window', lineage, version: baseline.version, size: baseline.size };
  }
  const size = await members.countBy({ lineage });
  const next = { version: baseline.version + 1, size };
  await baselines.update({ lineage }, { ...next, updatedAt: new Date() });
  return { outcome: 'admitted', lineage, ...next };
}
