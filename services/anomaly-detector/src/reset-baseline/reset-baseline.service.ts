import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { BaselineMemberRecord } from '../baseline-member.entity.js';
import { BaselineRecord } from '../baseline.entity.js';

/** What a reset did. */
export interface ResetView {
  lineage: string;
  version: number;
  removedMembers: number;
  resetAt: string;
  resetBy: string;
}

@Injectable()
export class ResetBaselineService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Empties a lineage's baseline under its row lock and bumps its version: the next builds are judged cold (integrity
   * and absolute checks only) until approvals refill it. Profiles stay stored.
   */
  reset(lineage: string, admin: string): Promise<ResetView> {
    return this.dataSource.transaction(async (manager) => {
      const baseline = await manager.getRepository(BaselineRecord).createQueryBuilder('b').setLock('pessimistic_write').where('b.lineage = :lineage', { lineage }).getOne();
      if (!baseline) throw new AppError('baseline_not_found', 404, 'No baseline', `Lineage ${lineage} has no baseline`, { lineage });
      const removed = await manager.delete(BaselineMemberRecord, { lineage });
      const resetAt = new Date();
      const version = baseline.version + 1;
      await manager.update(BaselineRecord, { lineage }, { version, size: 0, updatedAt: resetAt, resetAt, resetBy: admin });
      return { lineage, version, removedMembers: removed.affected ?? 0, resetAt: resetAt.toISOString(), resetBy: admin };
    });
  }
}
