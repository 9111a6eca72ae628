/** What the anomaly detector's handlers and endpoints need from its config. */
export const ANOMALY_SETTINGS = Symbol.for('dhi.anomaly-detector.settings');

export interface AnomalySettings {
  /** Below this many approved builds, drift checks say "baseline too small". */
  minBaseline: number;
  window: number;
  adminToken: string | null;
}
