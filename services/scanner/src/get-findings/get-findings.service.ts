import { Inject, Injectable } from '@nestjs/common';
import { type Finding } from '@dhi/contracts';
import { DataSource } from 'typeorm';
import { FindingRecord, toFinding } from '../finding.entity.js';
import { ScanRecord } from '../scan.entity.js';
import { scanNotFound } from '../scan-not-found.error.js';

/** The findings of a build as DESIGN §8 shows them. */
export interface BuildFindings {
  buildId: string;
  modelVersion: string | null;
  findings: Finding[];
}

@Injectable()
export class GetFindingsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findings(buildId: string): Promise<BuildFindings> {
    const scan = await this.dataSource.getRepository(ScanRecord).findOne({ where: { buildId }, select: { buildId: true, modelVersion: true } });
    if (!scan) throw scanNotFound(buildId);
    const records = await this.dataSource.getRepository(FindingRecord).find({ where: { buildId }, order: { id: 'ASC' } });
    return { buildId, modelVersion: scan.modelVersion, findings: records.map(toFinding) };
  }
}
