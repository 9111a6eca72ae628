// The human-readable table (stderr): per kind and overall, both thresholds side by side, then the benign noise.

const pct = (x) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const num = (x, w = 4) => String(x).padStart(w);

function cells(m) {
  return `${num(m.tp)} ${num(m.fn)} ${num(m.fp)}  ${pct(m.precision)} ${pct(m.recall)}`;
}

function kindTable(low, medium, kinds, width) {
  const head = `${'kind'.padEnd(width)} inj │ ≥low:  TP   FN   FP   prec  recall │ ≥medium: TP   FN   FP   prec  recall`;
  const lines = [head, '─'.repeat(head.length)];
  for (const kind of kinds) {
    const l = low.perKind[kind];
    lines.push(`${kind.padEnd(width)}${num(l.injected)} │    ${cells(l)} │       ${cells(medium.perKind[kind])}`);
  }
  lines.push('─'.repeat(head.length));
  lines.push(`${'overall (micro)'.padEnd(width)}${num(low.overall.tp + low.overall.fn)} │    ${cells(low.overall)} │       ${cells(medium.overall)}`);
  return lines;
}

function noise(label, metrics) {
  const b = metrics.benign;
  const byKind = Object.entries(b.byKind).sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const rate = `${b.flags} false flags on ${b.builds} benign builds = ${b.flagsPerBuild ?? '-'} per build`;
  return `  ≥${metrics.threshold.padEnd(6)} ${label}: ${rate}; ${b.buildsFlagged} builds with one or more (${byKind})`;
}

function causes(table) {
  return Object.entries(table).map(([cause, c]) => `    ${`${c.high}/${c.medium}/${c.low}`.padStart(11)}  ${cause}`);
}

/** The report as lines of text. */
export function reportLines(summary) {
  const { thresholds: t, coldStart: c } = summary;
  const kinds = Object.keys(t.low.perKind);
  const width = Math.max(...kinds.map((k) => k.length), 'overall (micro)'.length) + 1;
  const g = summary.generated;
  const mix = `${g.lineages.debian} Debian 12, ${g.lineages.alpine} Alpine 3.19; ${g.lineages.node} node, ${g.lineages.python} python`;
  const lines = [
    `anomaly bench, seed ${summary.seed}: ${g.lineages.total} lineages (${mix}), ` +
      `${summary.params.builds} approved builds each, window ${summary.params.window}, k ${summary.params.minBaseline}`,
    `benign builds: ${g.benignBuilds.history} replayed approved builds + ${g.benignBuilds.next} next builds; injected builds: ${g.injectedBuilds}`,
    '',
    ...kindTable(t.low, t.medium, kinds, width),
    '',
    'false flags on benign builds:',
    noise('warm', t.low),
    noise('warm', t.medium),
    '  by cause (high/medium/low):',
    ...causes(summary.falseFlagCauses),
  ];
  if (c.lineages === 0) return lines;
  lines.push(
    '',
    `cold start (${c.lineages} lineages, baselines of ${c.baselineSizes.join('/')} builds; baseline_too_small on ${c.coldNotices} of ${c.builds} builds):`,
    ...kindTable(c.thresholds.low, c.thresholds.medium, Object.keys(c.thresholds.low.perKind), width),
    noise('cold', c.thresholds.low),
    noise('cold', c.thresholds.medium),
  );
  return lines;
}
