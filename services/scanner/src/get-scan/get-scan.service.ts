import { Inject, Injectable } from '@nestjs/common';
import { type BuildRef, type ImageInventory, type SeverityCounts } from '@dhi/contracts';
import { DataSource } from 'typeorm';
import { type ChecksReport } from '../on-build-completed/image-checks.js';
import { ScanRecord } from '../scan.entity.js';
import { scanNotFound } from '../scan-not-found.error.js';

/** A stored scan, for operators. */
export interface ScanView {
  buildId: string;
  build: BuildRef;
  scannerVersion: string;
  modelVersion: string | null;
  packageCount: number;
  inventory: ImageInventory;
  summary: SeverityCounts;
  /** What the checks read and skipped (secret scan counts); null for scans from before it was recorded. */
  report: ChecksReport | null;
  scannedAt: string;
}

@Injectable()
export class GetScanService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async scan(buildId: string): Promise<ScanView> {
    const scan = await this.dataSource.getRepository(ScanRecord).findOneBy({ buildId });
    if (!scan) throw scanNotFound(buildId);
    const { name, tag, lineage, submitter, imageDigest } = scan;
    return {
      buildId,
      build: { name, tag, lineage, submitter, imageDigest },
      scannerVersion: scan.scannerVersion,
      modelVersion: scan.modelVersion,
      packageCount: scan.packageCount,
      inventory: scan.inventory,
      summary: scan.summary,
      report: scan.report,
      scannedAt: scan.scannedAt.toISOString(),
    };
  }
}
