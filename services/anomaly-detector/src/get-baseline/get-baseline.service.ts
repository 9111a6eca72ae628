import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BaselineMemberRecord } from '../baseline-member.entity.js';
import { BaselineRecord } from '../baseline.entity.js';
import { ProfileRecord } from '../profile.entity.js';

/** A lineage's baseline with its members, newest approval first. */
export interface BaselineView {
  lineage: string;
  version: number;
  size: number;
  updatedAt: string;
  members: { buildId: string; approvedAt: string; imageDigest: string }[];
}

@Injectable()
export class GetBaselineService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async baseline(lineage: string): Promise<BaselineView> {
    const baseline = await this.dataSource.getRepository(BaselineRecord).findOneBy({ lineage });
    if (!baseline) {
      throw new AppError('baseline_not_found', 404, 'No baseline', `Lineage ${lineage} has no approved builds yet`, { lineage });
    }
    const members = await this.dataSource
      .getRepository(BaselineMemberRecord)
      .createQueryBuilder('m')
      .innerJoin(ProfileRecord, 'p', 'p.build_id = m.build_id')
      .select(['m.build_id AS "buildId"', 'm.approved_at AS "approvedAt"', 'p.image_digest AS "imageDigest"'])
      .where('m.lineage = :lineage', { lineage })
      .orderBy('m.approved_at', 'DESC')
      .addOrderBy('m.build_id', 'DESC')
      .getRawMany<{ buildId: string; approvedAt: Date; imageDigest: string }>();
    return {
      lineage,
      version: baseline.version,
      size: baseline.size,
      updatedAt: baseline.updatedAt.toISOString(),
      members: members.map((m) => ({ buildId: m.buildId, approvedAt: m.approvedAt.toISOString(), imageDigest: m.imageDigest })),
    };
  }
}
