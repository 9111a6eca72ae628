import { z } from 'zod';
import { BuildId, IsoTime, Severity } from '../common.js';

export const ReviewItemSource = z.enum(['scanner', 'anomaly-detector', 'reviewer']);
export const Decision = z.enum(['confirmed', 'false_positive', 'accepted_risk', 'not_applicable']);
export const Verdict = z.enum(['approved', 'rejected']);
export type Verdict = z.infer<typeof Verdict>;

/** The learning features of one flag (DESIGN §6). */
export const SignalFeatures = z.object({
  signal: z.string(),
  category: z.string(),
  severity: Severity,
  pathPrefix: z.string().nullable(),
  ecosystem: z.string().nullable(),
  lineage: z.string(),
  layerPosition: z.number().int().nullable(),
  evidenceStrength: z.number().min(0).max(1),
});

export const ReviewOpened = z.object({
  caseId: z.uuid(),
  buildId: BuildId,
  lineage: z.string(),
  openedAt: IsoTime,
  itemCount: z.number().int().nonnegative(),
  items: z.array(z.object({ itemId: z.uuid(), source: ReviewItemSource, features: SignalFeatures })),
});
export type ReviewOpened = z.infer<typeof ReviewOpened>;

export const ReviewDecision = z.object({
  caseId: z.uuid(),
  itemId: z.uuid(),
  buildId: BuildId,
  features: SignalFeatures,
  decision: Decision,
  reason: z.string(),
  reviewer: z.string().min(1),
  decidedAt: IsoTime,
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewCompleted = z.object({
  caseId: z.uuid(),
  buildId: BuildId,
  lineage: z.string(),
  verdict: Verdict,
  comment: z.string(),
  reviewer: z.string().min(1),
  decidedAt: IsoTime,
});
export type ReviewCompleted = z.infer<typeof ReviewCompleted>;

export const ModelPublished = z.object({
  modelVersion: z.string().min(1),
  trainingWindow: z.object({ from: IsoTime, to: IsoTime }),
  signals: z.array(z.object({ signal: z.string(), weight: z.number(), threshold: z.number().min(0).max(1) })),
  metrics: z.object({
    precision: z.number().min(0).max(1),
    recall: z.number().min(0).max(1),
    falseFlagRate: z.number().min(0).max(1),
    calibration: z.number().min(0),
  }),
});
export type ModelPublished = z.infer<typeof ModelPublished>;
