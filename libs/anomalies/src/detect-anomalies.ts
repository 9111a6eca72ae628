import { findingFingerprint, type Anomaly, type Severity } from '@dhi/contracts';
import { type BuildProfile } from '@dhi/profile';
import { type Candidate, type CheckContext } from './candidate.js';
import { ABSOLUTE_CHECKS, DRIFT_CHECKS } from './checks/index.js';
import { signalFor, type AnomalyModel } from './model.js';
import { confidenceOf, REPORT_MIN_BITS, severityOf } from './scoring.js';

/** k: the fewest approved builds a baseline needs before drift checks run. */
export const DEFAULT_MIN_BASELINE = 3;

export interface DetectAnomaliesInput {
  profile: BuildProfile;
  /** Approved builds of the lineage, newest first. */
  baseline: BuildProfile[];
  model: AnomalyModel | null;
  minBaseline?: number;
  /** The image's layer digests (default: the profile's); only used to notice a rebuild of an approved image. */
  layerDigests?: string[];
}

export interface DetectAnomaliesResult {
  anomalies: Anomaly[];
  /** Sum of the weighted scores (bits) of the anomalies not suppressed: 0 for a build that looks like its lineage. */
  score: number;
  notes: string[];
}

const RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const round = (x: number): number => Math.round(x * 1000) / 1000;

function minBaselineOf(requested: number | undefined, notes: string[]): number {
  if (requested === undefined) return DEFAULT_MIN_BASELINE;
  if (Number.isInteger(requested) && requested >= 1) return requested;
  notes.push(`minBaseline ${requested} is not a positive whole number: ${DEFAULT_MIN_BASELINE} used`);
  return DEFAULT_MIN_BASELINE;
}

function weigh(c: Candidate, model: AnomalyModel | null): { anomaly: Anomaly; score: number } {
  const { weight, threshold } = signalFor(model, c.kind);
  const score = c.bits * c.importance * weight;
  const confidence = round(confidenceOf(c.bits, weight));
  const scoring = { bits: round(c.bits), importance: c.importance, weight, score: round(score), modelVersion: model?.version ?? null };
  return {
    anomaly: {
      id: findingFingerprint('anomaly', [c.kind, ...c.key]),
      kind: c.kind,
      severity: severityOf(score),
      confidence,
      suppressed: confidence < threshold,
      title: c.title,
      explanation: c.explanation,
      evidence: { ...c.evidence, scoring },
    },
    score,
  };
}

function baselineTooSmall(n: number, k: number): Anomaly {
  return {
    id: findingFingerprint('anomaly', ['baseline_too_small']),
    kind: 'baseline_too_small',
    severity: 'info',
    confidence: 1,
    suppressed: false,
    title: 'baseline too small',
    explanation: `baseline has ${n} of ${k} approved builds: drift checks skipped`,
    evidence: { baselineSize: n, minBaseline: k },
  };
}

function rebuildNote(input: DetectAnomaliesInput, members: readonly BuildProfile[]): string[] {
  const digests = input.layerDigests ?? input.profile.layers.map((l) => l.digest);
  if (digests.length === 0) return [];
  const same = (m: BuildProfile): boolean => m.layers.length === digests.length && m.layers.every((l, i) => l.digest === digests[i]);
  const index = members.findIndex(same);
  return index === -1 ? [] : [`the image's layers are identical to approved build ${index + 1} of the baseline (1 = newest): a rebuild`];
}

/** Compares a build's profile with its lineage's approved builds and explains each deviation (README). */
export function detectAnomalies(input: DetectAnomaliesInput): DetectAnomaliesResult {
  const notes: string[] = [];
  const k = minBaselineOf(input.minBaseline, notes);
  const members = input.baseline.filter((m) => m.version === input.profile.version);
  const dropped = input.baseline.length - members.length;
  if (dropped > 0) notes.push(`${dropped} approved build(s) with another profile version left out of the baseline`);
  const ctx: CheckContext = { profile: input.profile, members, drift: members.length >= k, notes };
  const candidates = [...ABSOLUTE_CHECKS, ...(ctx.drift ? DRIFT_CHECKS : [])].flatMap((check) => check(ctx));
  const weighed = new Map<string, { anomaly: Anomaly; score: number }>();
  for (const c of candidates) {
    if (!c.always && c.bits * c.importance < REPORT_MIN_BITS) continue;
    const w = weigh(c, input.model);
    if (!weighed.has(w.anomaly.id)) weighed.set(w.anomaly.id, w);
  }
  if (!ctx.drift) {
    const notice = baselineTooSmall(members.length, k);
    weighed.set(notice.id, { anomaly: notice, score: 0 });
  }
  const ranked = [...weighed.values()].sort(
    (a, b) => RANK[a.anomaly.severity] - RANK[b.anomaly.severity] || b.score - a.score || a.anomaly.id.localeCompare(b.anomaly.id),
  );
  const score = ranked.reduce((sum, w) => sum + (w.anomaly.suppressed ? 0 : w.score), 0);
  notes.push(...rebuildNote(input, members));
  notes.push(input.model ? `weights of model ${input.model.version ?? '(unversioned)'}` : 'no published model: every kind weighs 1');
  return { anomalies: ranked.map((w) => w.anomaly), score: round(score), notes: [...new Set(notes)] };
}

