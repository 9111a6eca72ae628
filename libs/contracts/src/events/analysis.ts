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
  /** The most severe findings (all of them unless `findingsTruncated`); each is also on the findings topic and the API. */
  findings: z.array(Finding),
  /** How many findings the scan has; absent in events from before it was recorded. */
  findingCount: z.number().int().nonnegative().optional(),
  findingsTruncated: z.boolean().optional(),
});
export type ScanCompleted = z.infer<typeof ScanCompleted>;

/** What became of a finding: first seen, changed (severity, fix, advisories), or no longer there. */
export const FindingChange = z.enum(['detected', 'updated', 'resolved']);
export type FindingChange = z.infer<typeof FindingChange>;

/** Why a finding event was published: the build's scan, or a change of the advisory database (re-matching). */
export const FindingTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan') }),
  z.object({ kind: z.literal('advisories'), advisoryIds: z.array(z.string().min(1)).max(1000) }),
]);
export type FindingTrigger = z.infer<typeof FindingTrigger>;

export const FindingPublished = z.object({
  buildId: BuildId,
  build: BuildRef,
  modelVersion: z.string().nullable(),
  change: FindingChange,
  trigger: FindingTrigger,
  finding: Finding,
});
export type FindingPublished = z.infer<typeof FindingPublished>;

/**
 * A stored build's vulnerability findings re-evaluated after an advisory change, without a rescan: the new counts and
 * which finding ids appeared, changed or went away (each also published on the findings topic).
 */
export const ScanRematched = z.object({
  buildId: BuildId,
  build: BuildRef,
  scannerVersion: z.string(),
  trigger: FindingTrigger,
  summary: SeverityCounts,
  detected: z.array(z.string().min(1)),
  updated: z.array(z.string().min(1)),
  resolved: z.array(z.string().min(1)),
});
export type ScanRematched = z.infer<typeof ScanRematched>;

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
