// Version strings moved the way builds move them: a security revision or patch release (benign), a pin to an older
// release or a new major (injected). Each ecosystem keeps its own shape: Debian `[epoch:]upstream-revision`, Alpine
// `upstream-rN`, npm and PyPI `x.y.z`. Every step is checked with @dhi/versions by the caller (see orderedBy).

const SECURITY = /([+~]deb12u)(\d+)$/;

function split(ecosystem, version) {
  if (ecosystem === 'deb') {
    const epoch = /^(\d+):/.exec(version)?.[0] ?? '';
    const rest = version.slice(epoch.length);
    const dash = rest.lastIndexOf('-');
    return dash === -1 ? { prefix: epoch, core: rest, suffix: '' } : { prefix: epoch, core: rest.slice(0, dash), suffix: rest.slice(dash) };
  }
  if (ecosystem === 'apk') {
    const m = /^(.*)-r(\d+)$/.exec(version);
    return m ? { prefix: '', core: m[1], suffix: `-r${m[2]}` } : { prefix: '', core: version, suffix: '' };
  }
  return { prefix: '', core: version, suffix: '' };
}

function runs(core) {
  return [...core.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: Number(m[0]) }));
}

function setRun(core, run, value) {
  return `${core.slice(0, run.start)}${value}${core.slice(run.end)}`;
}

/** A benign step up: Debian `1.2-3` → `1.2-3+deb12u1` → `…u2`, Alpine `-r4` → `-r5` or a patch release, else x.y.z+1. */
export function patchBump(ecosystem, version, rng) {
  const { prefix, core, suffix } = split(ecosystem, version);
  if (ecosystem === 'deb') {
    const target = suffix || core;
    // A stable update replaces a binNMU suffix: 5+b1 → 5+deb12u1.
    const bumped = SECURITY.test(target)
      ? target.replace(SECURITY, (_, tag, n) => `${tag}${Number(n) + 1}`)
      : `${target.replace(/\+b\d+$/, '')}+deb12u1`;
    return suffix ? `${prefix}${core}${bumped}` : `${prefix}${bumped}`;
  }
  const last = runs(core).at(-1);
  if (ecosystem === 'apk') {
    const r = Number(suffix.slice(2) || 0);
    // Upstream patch releases only for plain x.y.z versions; snapshots (`_git2023…`, `_p2023…`) get a rebuild.
    return rng.chance(0.7) || !last || !/^[\d.]+$/.test(core) ? `${core}-r${r + 1}` : `${setRun(core, last, last.value + 1)}-r0`;
  }
  return last ? setRun(core, last, last.value + 1) : `${version}.1`;
}

/** Older releases of `version`, nearest first: one component lowered, security and rebuild suffixes dropped. */
export function downgradeCandidates(ecosystem, version) {
  const parts = split(ecosystem, version);
  const core = ecosystem === 'deb' ? parts.core.replace(SECURITY, '') : parts.core;
  const { prefix, suffix } = parts;
  const plainSuffix = ecosystem === 'deb' ? suffix.replace(SECURITY, '').replace(/\+b\d+$/, '') : ecosystem === 'apk' ? '-r0' : '';
  const out = [];
  // Only the leading release numbers move: 5.3.28+dfsg2 → 5.3.27+dfsg2, never dfsg1.
  const lead = /^[\d.]*\d/.exec(core)?.[0].length ?? core.length;
  const all = runs(core).filter((r) => r.end <= lead);
  for (let i = all.length - 1; i >= 0; i--) {
    for (const step of [1, 2, 3]) {
      if (all[i].value - step < 0) continue;
      // Lowering a minor resets nothing after it: 3.4.11 → 3.3.11 is a release that existed before 3.4.x.
      out.push(`${prefix}${setRun(core, all[i], all[i].value - step)}${plainSuffix}`);
    }
  }
  return out;
}

/** The next major release: first component + 1, the rest 0, a fresh revision (`3.0.11+dfsg-1` → `4.0.0-1`). */
export function majorJump(ecosystem, version) {
  const { prefix, core: full, suffix: revision } = split(ecosystem, version);
  const core = /^[\d.]*\d/.exec(full)?.[0] ?? full;
  const all = runs(core);
  if (all.length === 0) return null;
  let next = core;
  for (let i = all.length - 1; i >= 0; i--) next = setRun(next, all[i], i === 0 ? all[i].value + 1 : 0);
  const suffix = ecosystem === 'deb' ? (revision ? '-1' : '') : ecosystem === 'apk' ? '-r0' : '';
  return `${prefix}${next}${suffix}`;
}

/** A comparator over profile ecosystems from @dhi/versions (compiled) and @dhi/anomalies' OSV names; throws on an error. */
export function orderedBy(versionsLib, anomaliesLib) {
  return (ecosystem, a, b) => {
    const result = versionsLib.tryCompareVersions(anomaliesLib.osvEcosystem(ecosystem), a, b);
    if (versionsLib.isVersionError(result)) throw new Error(`generator made an unorderable ${ecosystem} version: ${a} vs ${b}: ${result.message}`);
    return result;
  };
}
