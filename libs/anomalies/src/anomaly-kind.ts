/** The anomaly kinds; each is also the suffix of its model signal (`anomaly.<kind>`). */
export const ANOMALY_KINDS = [
  'package_added',
  'package_removed',
  'package_downgraded',
  'package_major_jump',
  'file_modified',
  'unowned_executable',
  'setuid_added',
  'setgid_added',
  'world_writable_added',
  'user_added',
  'uid0_extra',
  'port_added',
  'entrypoint_changed',
  'cmd_changed',
  'user_changed',
  'size_jump',
  'file_count_jump',
  'cron_added',
  'systemd_unit_added',
  'authorized_key_added',
  'baseline_too_small',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/**
 * How much a deviation of each kind matters, as a factor on its surprisal before the model's weight: a setuid binary or
 * an authorized key no approved build had is worth more than a package nobody had. Tuned so that, with a baseline of
 * k = 3, a never-seen setuid file or key is high and a never-seen package is low, and with 8 or more builds a
 * never-seen package is medium while one that 1 in 10 approved builds had is low (README, "Scoring").
 */
export const KIND_IMPORTANCE: Readonly<Record<AnomalyKind, number>> = {
  package_added: 0.9,
  package_removed: 0.6,
  package_downgraded: 1,
  package_major_jump: 0.8,
  file_modified: 1.25,
  unowned_executable: 1.25,
  setuid_added: 1.75,
  setgid_added: 1.25,
  world_writable_added: 1.5,
  user_added: 1,
  uid0_extra: 1.5,
  port_added: 1,
  entrypoint_changed: 1,
  cmd_changed: 0.9,
  user_changed: 1,
  size_jump: 1,
  file_count_jump: 1,
  cron_added: 1.25,
  systemd_unit_added: 1,
  authorized_key_added: 1.75,
  baseline_too_small: 0,
};

/** The model signal that weighs anomalies of `kind`. */
export function signalOf(kind: AnomalyKind): string {
  return `anomaly.${kind}`;
}
