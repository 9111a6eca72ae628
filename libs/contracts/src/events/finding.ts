import { z } from 'zod';
import { Severity } from '../common.js';

export const FindingCategory = z.enum(['vulnerability', 'misconfiguration', 'secret', 'permission', 'dockerfile']);
export type FindingCategory = z.infer<typeof FindingCategory>;

export const Evidence = z.object({
  layerDigest: z.string().nullable(),
  path: z.string().nullable(),
  line: z.number().int().positive().nullable(),
  package: z.string().nullable(),
  installedVersion: z.string().nullable(),
  fixedVersion: z.string().nullable(),
  advisoryIds: z.array(z.string()),
  /**
   * Facts particular to the kind of finding, flat and small: a secret's redacted prefix and fingerprint and the layers
   * that added and removed it, a setuid file's mode and owner, an image config key.
   */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A scanner finding; `id` is a stable fingerprint (same issue in the next build, same id). */
export const Finding = z.object({
  id: z.string().min(1),
  ruleId: z.string().min(1),
  category: FindingCategory,
  severity: Severity,
  confidence: z.number().min(0).max(1),
  suppressed: z.boolean(),
  title: z.string().min(1),
  evidence: Evidence,
  remediation: z.string(),
  patch: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const Anomaly = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  severity: Severity,
  confidence: z.number().min(0).max(1),
  suppressed: z.boolean(),
  title: z.string().min(1),
  explanation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});
export type Anomaly = z.infer<typeof Anomaly>;
