// Runs the detector on one lineage: its approved builds replayed one by one, benign next builds, and one injected
// build per kind, each against the baseline the anomaly-detector service would hand it (newest first, `window` long).
import { nextBuild } from './benign-step.mjs';
import { firstBuild } from './first-build.mjs';
import { ABSOLUTE_KINDS, inject } from './injections.mjs';
import { causeOf } from './causes.mjs';
import { isFlag, outcomeOf } from './scoring.mjs';

function baselineOf(builds, end, window) {
  return builds.slice(Math.max(0, end - window), end).reverse().map((b) => b.profile);
}

function approvedBuilds(spec, count, order) {
  const builds = [firstBuild(spec)];
  while (builds.length < count) builds.push(nextBuild(spec, builds.at(-1), spec.rng.fork(`approved ${builds.length}`), order));
  return builds;
}

function detect(lib, profile, baseline, minBaseline) {
  return lib.detectAnomalies({ profile, baseline, model: null, minBaseline }).anomalies;
}

function record(spec, source, build, baseline, truth, extra, lib, params) {
  const anomalies = detect(lib, build.profile, baseline, params.minBaseline);
  const outcome = outcomeOf(anomalies, truth);
  const causes = source === 'injected' ? [] : anomalies
    .filter((a) => isFlag(a, 'low'))
    .map((a) => ({ cause: causeOf(a, build.profile, baseline, params.minBaseline), severity: a.severity }));
  return { lineage: spec.name, runtime: spec.runtime, source, baselineSize: baseline.length, changes: build.changes ?? [], ...extra, outcome, causes };
}

// `scored` limits the truth to the kinds that can run: on a cold start a new uid 0 account is also a new account,
// but user_added is a drift check and is skipped by design.
function injectedBuilds(spec, last, baseline, kinds, tag, lib, params, scored = kinds) {
  return kinds.map((kind) => {
    const rng = spec.rng.fork(`${tag} inject ${kind}`);
    const build = nextBuild(spec, last, rng, lib.order);
    const { what, truth } = inject(kind, { build, spec, rng, order: lib.order, baseline });
    const kept = truth.filter((t) => scored.includes(t.kind));
    return record(spec, 'injected', build, baseline, kept, { injected: kind, what }, lib, params);
  });
}

/**
 * Records of a lineage with `params.builds` approved builds: the replay of every approved build that had at least k
 * before it (`history`), `params.benign` next builds (`next`) and one next build per injected kind (`injected`).
 */
export function evaluateLineage(spec, kinds, lib, params) {
  const builds = approvedBuilds(spec, params.builds, lib.order);
  const records = [];
  for (let j = params.minBaseline; j < builds.length; j++) {
    records.push(record(spec, 'history', builds[j], baselineOf(builds, j, params.window), [], {}, lib, params));
  }
  const last = builds.at(-1);
  const baseline = baselineOf(builds, builds.length, params.window);
  for (let m = 0; m < params.benign; m++) {
    const build = nextBuild(spec, last, spec.rng.fork(`next ${m}`), lib.order);
    records.push(record(spec, 'next', build, baseline, [], {}, lib, params));
  }
  records.push(...injectedBuilds(spec, last, baseline, kinds, 'warm', lib, params));
  return { records, builds };
}

/** A lineage with only `size` (< k) approved builds: one benign next build and the absolute kinds injected. */
export function evaluateColdLineage(spec, size, lib, params) {
  const builds = approvedBuilds(spec, Math.max(1, size), lib.order);
  const baseline = baselineOf(builds, size, params.window);
  const from = builds[Math.max(0, size - 1)];
  const benign = size === 0 ? builds[0] : nextBuild(spec, from, spec.rng.fork('cold next'), lib.order);
  return [record(spec, 'next', benign, baseline, [], {}, lib, params), ...injectedBuilds(spec, from, baseline, ABSOLUTE_KINDS, 'cold', lib, params)];
}
