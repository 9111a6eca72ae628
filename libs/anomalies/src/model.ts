import { signalOf, type AnomalyKind } from './anomaly-kind.js';

/** The published model as the detector needs it: a weight and a suppression threshold per signal. */
export interface AnomalyModel {
  version: string | null;
  signals: Map<string, { weight: number; threshold: number }>;
}

/** Weight 1 and threshold 0 (nothing suppressed) when no model is published or it has no signal for the kind. */
export function signalFor(model: AnomalyModel | null, kind: AnomalyKind): { weight: number; threshold: number } {
  const signal = model?.signals.get(signalOf(kind));
  if (!signal) return { weight: 1, threshold: 0 };
  // A weight is a factor on bits: a negative or non-finite one from a bad model would flip or poison the order.
  const weight = Number.isFinite(signal.weight) ? Math.max(0, signal.weight) : 1;
  const threshold = Number.isFinite(signal.threshold) ? Math.min(1, Math.max(0, signal.threshold)) : 0;
  return { weight, threshold };
}
