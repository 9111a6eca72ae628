export { detectAnomalies, DEFAULT_MIN_BASELINE, type DetectAnomaliesInput, type DetectAnomaliesResult } from './detect-anomalies.js';
export { ANOMALY_KINDS, KIND_IMPORTANCE, signalOf, type AnomalyKind } from './anomaly-kind.js';
export { type AnomalyModel } from './model.js';
export {
  ABSOLUTE_BITS,
  EVIDENCE_CAP,
  LAPLACE_ALPHA,
  REPORT_MIN_BITS,
  Z_LIMIT,
  confidenceOf,
  robustZ,
  severityOf,
  smoothedProbability,
  surprisal,
  zBits,
} from './scoring.js';
export { majorOf, compareMajor, osvEcosystem, type Major } from './checks/version-major.js';
