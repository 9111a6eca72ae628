// One injection per anomaly kind the detector claims (libs/anomalies/src/anomaly-kind.ts, less baseline_too_small).
import { PACKAGE_INJECTIONS } from './inject-packages.mjs';
import { SYSTEM_INJECTIONS } from './inject-system.mjs';
import { normalise } from './profile-parts.mjs';

export const INJECTIONS = { ...PACKAGE_INJECTIONS, ...SYSTEM_INJECTIONS };

/** The kinds that need no baseline (README of @dhi/anomalies, "Cold start"): injected into cold-start lineages too. */
export const ABSOLUTE_KINDS = ['file_modified', 'unowned_executable', 'uid0_extra', 'authorized_key_added'];

/** The injected kinds, in the detector's order; throws when the detector's list and the injections disagree. */
export function injectedKinds(anomalyKinds) {
  const claimed = anomalyKinds.filter((k) => k !== 'baseline_too_small');
  const missing = claimed.filter((k) => !INJECTIONS[k]);
  const unknown = Object.keys(INJECTIONS).filter((k) => !claimed.includes(k));
  if (missing.length > 0 || unknown.length > 0) throw new Error(`injections out of date: missing ${missing.join(', ') || '-'}, unknown ${unknown.join(', ') || '-'}`);
  return claimed;
}

/**
 * Applies the injection of `kind` to `ctx.build` (a benign next build) and returns `{ what, truth }`; `ctx` also holds
 * the lineage spec, a PRNG stream, the version order and the baseline profiles.
 */
export function inject(kind, ctx) {
  const result = INJECTIONS[kind](ctx);
  normalise(ctx.build.profile);
  return result;
}
