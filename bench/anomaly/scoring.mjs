// Scoring: which anomalies count as flags, and precision and recall per kind against the injected ground truth.
// The unit is the anomaly, one item a reviewer sees: an injected item is found (TP) when an anomaly of its kind with
// the same identifying evidence is flagged; every other flag is a false one (FP) of its own kind.

const RANK = { none: -1, info: 0, low: 1, medium: 2, high: 3, critical: 4 };
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'none'];

const matches = (t, a) => a.kind === t.kind && (t.field === undefined || a.evidence?.[t.field] === t.value);

/** A flag at `threshold`: severity at least it. Suppressed anomalies and the cold-start notice never count. */
export function isFlag(anomaly, threshold) {
  return anomaly.kind !== 'baseline_too_small' && !anomaly.suppressed && RANK[anomaly.severity] >= RANK[threshold];
}

/** One build's outcome: the best severity each truth item was reported at ('none': not reported) and the other anomalies. */
export function outcomeOf(anomalies, truth) {
  const reported = anomalies.filter((a) => a.kind !== 'baseline_too_small' && !a.suppressed);
  const found = truth.map((t) => {
    const best = reported.filter((a) => matches(t, a)).reduce((s, a) => (RANK[a.severity] > RANK[s] ? a.severity : s), 'none');
    return { kind: t.kind, severity: best };
  });
  const extra = reported.filter((a) => !truth.some((t) => matches(t, a))).map((a) => ({ kind: a.kind, severity: a.severity, title: a.title }));
  return { found, extra, coldNotice: anomalies.some((a) => a.kind === 'baseline_too_small') };
}

const ratio = (a, b) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function perKindOf(records, kinds, threshold) {
  const perKind = Object.fromEntries(kinds.map((k) => [k, { injected: 0, tp: 0, fn: 0, fp: 0 }]));
  const row = (kind) => (perKind[kind] ??= { injected: 0, tp: 0, fn: 0, fp: 0 });
  for (const r of records) {
    for (const f of r.outcome.found) {
      row(f.kind).injected++;
      if (RANK[f.severity] >= RANK[threshold]) row(f.kind).tp++;
      else row(f.kind).fn++;
    }
    for (const e of r.outcome.extra) if (RANK[e.severity] >= RANK[threshold]) row(e.kind).fp++;
  }
  for (const m of Object.values(perKind)) Object.assign(m, { precision: ratio(m.tp, m.tp + m.fp), recall: ratio(m.tp, m.tp + m.fn) });
  return perKind;
}

function benignOf(records, threshold) {
  const benign = records.filter((r) => r.source !== 'injected');
  const byKind = {};
  const byRuntime = {};
  let flags = 0;
  let flagged = 0;
  for (const r of benign) {
    const loud = r.outcome.extra.filter((e) => RANK[e.severity] >= RANK[threshold]);
    flags += loud.length;
    if (loud.length > 0) flagged++;
    for (const e of loud) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    const runtime = (byRuntime[r.runtime] ??= { builds: 0, flags: 0 });
    runtime.builds++;
    runtime.flags += loud.length;
  }
  for (const m of Object.values(byRuntime)) m.flagsPerBuild = ratio(m.flags, m.builds);
  return { builds: benign.length, flags, flagsPerBuild: ratio(flags, benign.length), buildsFlagged: flagged, byKind, byRuntime };
}

/** Precision and recall per kind and overall (micro), and the false flags on benign builds, at one threshold. */
export function metricsAt(records, kinds, threshold) {
  const perKind = perKindOf(records, kinds, threshold);
  const sum = (f) => Object.values(perKind).reduce((s, m) => s + m[f], 0);
  const [tp, fn, fp] = [sum('tp'), sum('fn'), sum('fp')];
  return { threshold, perKind, overall: { tp, fn, fp, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) }, benign: benignOf(records, threshold) };
}

/** How each injected kind was reported: counts of the best severity of its truth items. */
export function severityOfInjected(records) {
  const out = {};
  for (const r of records) for (const f of r.outcome.found) {
    out[f.kind] ??= Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    out[f.kind][f.severity]++;
  }
  return out;
}

/** The benign false flags at `threshold` by kind, with a few titles each, so a reader sees what raised them. */
export function falseFlagExamples(records, threshold, perKind = 4) {
  const out = {};
  for (const r of records.filter((x) => x.source !== 'injected')) {
    for (const e of r.outcome.extra.filter((x) => RANK[x.severity] >= RANK[threshold])) {
      const titles = (out[`${e.kind} (${e.severity})`] ??= []);
      if (titles.length < perKind && !titles.includes(e.title)) titles.push(e.title);
    }
  }
  return out;
}

/** The injected items not flagged at `threshold` (at most `limit`), with what was reported instead: where recall goes. */
export function missesAt(records, threshold, limit = 60) {
  const out = [];
  for (const r of records) {
    for (const f of r.outcome.found.filter((x) => RANK[x.severity] < RANK[threshold])) {
      const instead = r.outcome.extra.filter((e) => RANK[e.severity] >= RANK[threshold]).map((e) => `${e.title} (${e.severity})`);
      out.push({ lineage: r.lineage, injected: r.injected, kind: f.kind, reportedAt: f.severity, what: r.what, flaggedInstead: instead });
    }
  }
  return { total: out.length, items: out.slice(0, limit) };
}
