import { z } from 'zod';
import { BuildId, Digest, ImageInventory, SeverityCounts } from '../common.js';
import { Anomaly, Finding } from './finding.js';

/** Who and what the analysed build is, carried along so downstream services need not ask the build service. */
export const BuildRef = z.object({
  name: z.string().min(1),
  tag: z.string().min(1),
  lineage: z.string().min(1),
  submitter: z.string().min(1),
  imageDigest: Digest,
});
export type BuildRef = z.infer<typeof BuildRef>;

export const ScanCompleted = z.object({
  buildId: BuildId,
  build: BuildRef,
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
  build: BuildRef,
  lineage: z.string().min(1),
  baseline: z.object({ size: z.number().int().nonnegative(), version: z.number().int().nonnegative() }),
  modelVersion: z.string().nullable(),
  score: z.number().min(0),
  inventory: ImageInventory,
  summary: SeverityCounts,
  anomalies: z.array(Anomaly),
});
export type AnomalyCompleted = z.infer<typeof AnomalyCompleted>;
