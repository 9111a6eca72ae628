import { Inject, Injectable } from '@nestjs/common';
import { type Anomaly } from '@dhi/contracts';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { AnomalyRecord, toAnomaly } from '../anomaly.entity.js';
import { ProfileRecord } from '../profile.entity.js';

/** The anomalies of a build as DESIGN §8 shows them. */
export interface BuildAnomalies {
  buildId: string;
  lineage: string;
  baseline: { size: number; version: number };
  modelVersion: string | null;
  anomalies: Anomaly[];
}

@Injectable()
export class GetAnomaliesService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async anomalies(buildId: string): Promise<BuildAnomalies> {
    const profile = await this.dataSource.getRepository(ProfileRecord).findOneBy({ buildId });
    if (!profile) {
      throw new AppError('profile_not_found', 404, 'Build not analysed', `The anomaly-detector has not analysed build ${buildId} (yet)`, { buildId });
    }
    const records = await this.dataSource.getRepository(AnomalyRecord).find({ where: { buildId }, order: { id: 'ASC' } });
    return {
      buildId,
      lineage: profile.lineage,
      baseline: { size: profile.baselineSize, version: profile.baselineVersion },
      modelVersion: profile.modelVersion,
      anomalies: records.map(toAnomaly),
    };
  }
}
