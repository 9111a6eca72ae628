// Why a benign build raised a flag, read from the anomaly's evidence and the profiles it was computed from: the
// false flags grouped by what ordinary development did, which is what a fix in the detector would have to address.

function packageCause(anomaly, profile, baseline) {
  const ev = anomaly.evidence;
  const elsewhere = (p) => p.packages.some((x) => x.ecosystem === ev.ecosystem && x.name === ev.package && x.location !== ev.location);
  // Added: the approved builds had it at another location; removed: this build has it at another location.
  if (anomaly.kind === 'package_added' ? baseline.some(elsewhere) : elsewhere(profile)) {
    return `${ev.ecosystem} package at a new location after a version change, seen as ${anomaly.kind === 'package_added' ? 'added' : 'removed'}`;
  }
  if (anomaly.kind === 'package_removed') return `${ev.ecosystem} package removed`;
  return ev.baselineCount === 0 ? `new ${ev.ecosystem} dependency, first build` : `${ev.ecosystem} dependency added in an earlier approved build, still flagged`;
}

function executableCause(anomaly, drift) {
  const ev = anomaly.evidence;
  if (!drift) return `cold start: unowned executable under ${ev.path.startsWith('/usr/local/') ? '/usr/local' : 'a system path'}`;
  if (ev.baselineWithPath > 0) return 'unowned runtime binary with new content (runtime patch release)';
  return 'unowned executable at a new path (console script of a new dependency)';
}

/** A short phrase for what raised `anomaly` on a benign build. */
export function causeOf(anomaly, profile, baseline, minBaseline) {
  switch (anomaly.kind) {
    case 'package_added':
    case 'package_removed':
      return packageCause(anomaly, profile, baseline);
    case 'unowned_executable':
      return executableCause(anomaly, baseline.length >= minBaseline);
    case 'package_major_jump':
      return `major jump of ${anomaly.evidence.package} ${anomaly.evidence.previousVersion} → ${anomaly.evidence.version}`;
    default:
      return anomaly.kind;
  }
}

/** Counts per cause and severity over the `causes` of benign records. */
export function causeTable(records) {
  const out = {};
  for (const r of records.filter((x) => x.source !== 'injected')) {
    for (const { cause, severity } of r.causes) {
      out[cause] ??= { high: 0, medium: 0, low: 0 };
      out[cause][severity]++;
    }
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0])));
}

const total = (c) => c.high + c.medium + c.low;
