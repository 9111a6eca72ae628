import { z } from 'zod';
import { BuildId, ImageInventory, SeverityCounts } from '../common.js';
import { Anomaly, Finding } from './finding.js';

export const ScanCompleted = z.object({
  buildId: BuildId,
  scannerVersion: z.string(),
  modelVersion: z.string().nullable(),
  sbomRef: z.string().nullable(),
  packageCount: z.number().int().nonnegative(),
  inventory: ImageInventory,
  summary: SeverityCounts,
  findings: z.array(Finding),
});
export type ScanCompleted = z.infer<typeof ScanCompleted>;

export const FindingPublished = z.object({
  buildId: BuildId,
  modelVersion: z.string().nullable(),
  finding: Finding,
});
export type FindingPublished = z.infer<typeof FindingPublished>;

export const AnomalyCompleted = z.object({
  buildId: BuildId,
  lineage: z.string().min(1),
  baseline: z.object({ size: z.number().int().nonnegative(), version: z.number().int().nonnegative() }),
  modelVersion: z.string().nullable(),
  score: z.number().min(0),
  inventory: ImageInventory,
  summary: SeverityCounts,
  anomalies: z.array(Anomaly),
});
export type AnomalyCompleted = z.infer<typeof AnomalyCompleted>;
