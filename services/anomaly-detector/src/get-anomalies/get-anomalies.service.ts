import { Inject, Injectable } from '@nestjs/common';
import { type Anomaly } from '@dhi/contracts';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { AnomalyRecord, toAnomaly } from '../anomaly.entity.js';
import { ProfileRecord } from '../profile.entity.js';

const RANK: Readonly<Record<Anomaly['severity'], number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Most severe first, then the most confident. */
const sortAnomalies = (anomalies: Anomaly[]): Anomaly[] => anomalies.sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.confidence - a.confidence || (a.id < b.id ? -1 : 1));

/** The anomalies of a build as DESIGN §8 shows them. */
export interface BuildAnomalies {
  buildId: string;
  lineage: string;
  baseline: { size: number; version: number };
  modelVersion: string | null;
  /** Overall score: the weighted surprisal (bits) of the unsuppressed anomalies, 0 for a build like its lineage. */
  score: number;
  anomalies: Anomaly[];
  /** What the comparison could not do or left out ("baseline has 1 of 3 approved builds: drift checks skipped", …). */
  notes: string[];
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
      score: profile.score,
      anomalies: sortAnomalies(records.map(toAnomaly)),
      notes: profile.notes,
    };
  }
}
