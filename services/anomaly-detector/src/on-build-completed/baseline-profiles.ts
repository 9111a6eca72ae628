import { type BuildProfile } from '@dhi/profile';
import { type EntityManager } from 'typeorm';
import { BaselineMemberRecord } from '../baseline-member.entity.js';
import { ProfileRecord } from '../profile.entity.js';

/** The profiles of a lineage's baseline members, newest approval first (members profiled before profiles were kept are left out). */
export async function baselineProfiles(manager: EntityManager, lineage: string): Promise<BuildProfile[]> {
  const rows = await manager
    .getRepository(BaselineMemberRecord)
    .createQueryBuilder('m')
    .innerJoin(ProfileRecord, 'p', 'p.build_id = m.build_id')
    .select('p.profile', 'profile')
    .where('m.lineage = :lineage', { lineage })
    .andWhere('p.profile IS NOT NULL')
    .orderBy('m.approved_at', 'DESC')
    .addOrderBy('m.build_id', 'DESC')
    .getRawMany<{ profile: BuildProfile }>();
  return rows.map((row) => row.profile);
}
