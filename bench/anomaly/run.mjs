// bench/anomaly: precision and recall of the anomaly detector (@dhi/anomalies, compiled) on seeded lineages of
// generated build profiles: benign builds that vary the way ordinary builds do, and one build per anomaly kind with
// exactly that injection. Deterministic for a seed: the same seed prints the same JSON.
// Usage: node tools/build.mjs && node bench/anomaly/run.mjs [--seed 42] [--lineages 20] [--builds 12] [--benign 4]
//        [--cold 6] [--window 20] [--min-baseline 3]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { dist, log } from '../support/dist.mjs';
import { causeTable } from './causes.mjs';
import { evaluateColdLineage, evaluateLineage } from './evaluate-lineage.mjs';
import { ABSOLUTE_KINDS, injectedKinds } from './injections.mjs';
import { lineageSpec } from './lineage-spec.mjs';
import { reportLines } from './report.mjs';
import { falseFlagExamples, metricsAt, missesAt, severityOfInjected } from './scoring.mjs';
import { orderedBy } from './version-steps.mjs';

const OPTIONS = { seed: '42', lineages: '20', builds: '12', benign: '4', cold: '6', window: '20', 'min-baseline': '3' };
const { values: args } = parseArgs({ options: Object.fromEntries(Object.entries(OPTIONS).map(([k, d]) => [k, { type: 'string', default: d }])) });

function usage(message) {
  log(message);
  process.exit(2);
}

function wholeNumber(name, min) {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) usage(`--${name} must be a whole number ≥ ${min}, got ${args[name]}`);
  return value;
}

const params = {
  seed: wholeNumber('seed', 0),
  lineages: wholeNumber('lineages', 1),
  builds: wholeNumber('builds', 1),
  benign: wholeNumber('benign', 0),
  cold: wholeNumber('cold', 0),
  window: wholeNumber('window', 1),
  minBaseline: wholeNumber('min-baseline', 1),
};
if (params.builds < params.minBaseline) usage(`--builds ${params.builds} is below --min-baseline ${params.minBaseline}: no drift check would run`);

const anomalies = dist('anomalies');
const lib = { detectAnomalies: anomalies.detectAnomalies, order: orderedBy(dist('versions'), anomalies) };
const kinds = injectedKinds([...anomalies.ANOMALY_KINDS]);
const started = performance.now();

const warm = [];
const specs = [];
for (let i = 0; i < params.lineages; i++) {
  const spec = lineageSpec(params.seed, i);
  specs.push(spec);
  warm.push(...evaluateLineage(spec, kinds, lib, params).records);
}
const cold = [];
const coldSizes = [];
for (let i = 0; i < params.cold; i++) {
  const size = i % params.minBaseline;
  coldSizes.push(size);
  cold.push(...evaluateColdLineage(lineageSpec(params.seed, `cold-${i}`), size, lib, params));
}

const count = (items, f) => items.filter(f).length;
const changes = warm.flatMap((r) => r.changes);
const summary = {
  bench: 'anomaly',
  seed: params.seed,
  params: { lineages: params.lineages, builds: params.builds, benign: params.benign, cold: params.cold, window: params.window, minBaseline: params.minBaseline },
  flagRule: 'an anomaly of severity ≥ the threshold, not suppressed, not baseline_too_small; reviewers are shown ≥ low',
  generated: {
    lineages: {
      total: specs.length,
      debian: count(specs, (s) => s.distro === 'debian'),
      alpine: count(specs, (s) => s.distro === 'alpine'),
      node: count(specs, (s) => s.runtime === 'node'),
      python: count(specs, (s) => s.runtime === 'python'),
    },
    osPackages: { min: Math.min(...specs.map((s) => s.os.length)), max: Math.max(...specs.map((s) => s.os.length)) },
    appPackages: { min: Math.min(...specs.map((s) => s.app.length)), max: Math.max(...specs.map((s) => s.app.length)) },
    benignBuilds: { history: count(warm, (r) => r.source === 'history'), next: count(warm, (r) => r.source === 'next') },
    injectedBuilds: count(warm, (r) => r.source === 'injected'),
    variation: {
      versionBumps: count(changes, (c) => c.includes(' → ') && !c.includes('runtime')),
      runtimePatches: count(changes, (c) => c.includes('runtime')),
      newDependencies: count(changes, (c) => c.startsWith('new dependency')),
    },
  },
  thresholds: { low: metricsAt(warm, kinds, 'low'), medium: metricsAt(warm, kinds, 'medium') },
  severityOfInjected: severityOfInjected(warm),
  falseFlagCauses: causeTable(warm),
  falseFlagExamples: falseFlagExamples(warm, 'low'),
  missesAtMedium: missesAt(warm, 'medium'),
  coldStart: {
    lineages: params.cold,
    baselineSizes: [...new Set(coldSizes)].sort(),
    builds: cold.length,
    coldNotices: count(cold, (r) => r.outcome.coldNotice),
    thresholds: { low: metricsAt(cold, ABSOLUTE_KINDS, 'low'), medium: metricsAt(cold, ABSOLUTE_KINDS, 'medium') },
    severityOfInjected: severityOfInjected(cold),
    falseFlagCauses: causeTable(cold),
    falseFlagExamples: falseFlagExamples(cold, 'low'),
  },
};

for (const line of reportLines(summary)) process.stderr.write(`${line}\n`);
log(`${warm.length + cold.length} builds scored in ${((performance.now() - started) / 1000).toFixed(2)} s`);
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
