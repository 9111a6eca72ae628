import { Inject, Injectable } from '@nestjs/common';
import { type Finding } from '@dhi/contracts';
import { DataSource } from 'typeorm';
import { FindingRecord, type FindingStatus, toFinding } from '../finding.entity.js';
import { sortFindings } from '../match-vulnerabilities/image-findings.js';
import { ScanRecord } from '../scan.entity.js';
import { scanNotFound } from '../scan-not-found.error.js';
import { type FindingStatusFilter } from './finding-status.request.js';

/** A finding as served: DESIGN §8's fields plus where it stands (re-matching resolves and reopens findings). */
export type ServedFinding = Finding & { status: FindingStatus; detectedAt: string; resolvedAt: string | null };

/** The findings of a build as DESIGN §8 shows them. */
export interface BuildFindings {
  buildId: string;
  modelVersion: string | null;
  findings: ServedFinding[];
}

@Injectable()
export class GetFindingsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findings(buildId: string, status: FindingStatusFilter): Promise<BuildFindings> {
    const scan = await this.dataSource.getRepository(ScanRecord).findOne({ where: { buildId }, select: { buildId: true, modelVersion: true } });
    if (!scan) throw scanNotFound(buildId);
    const records = await this.dataSource.getRepository(FindingRecord).find({ where: status === 'all' ? { buildId } : { buildId, status } });
    const byId = new Map(records.map((r) => [r.id, r]));
    const findings = sortFindings(records.map(toFinding)).map((finding) => {
      const record = byId.get(finding.id)!;
      return { ...finding, status: record.status, detectedAt: record.detectedAt.toISOString(), resolvedAt: record.resolvedAt?.toISOString() ?? null };
    });
    return { buildId, modelVersion: scan.modelVersion, findings };
  }
}
