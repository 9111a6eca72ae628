// (b) Matching throughput against the whole imported corpus: one synthetic package per (ecosystem, name) key the OSV
// ecosystems store, plus the source packages the DSAs name for Debian 11, each at a version one of its ranges affects.
// The reference, in the same run, is the advisory lookup alone (loadCandidates); version evaluation and the
// related-severity query are timed too, so the report splits database time from evaluation.
import { dist, log, median, rotate, round, timed } from '../support/dist.mjs';

const LANGUAGE = { Go: 'golang', PyPI: 'pypi', Maven: 'maven', npm: 'npm' };
const DEBIAN_OS = { id: 'debian', versionId: '11', prettyName: null, ecosystem: 'Debian:11' };
const ROWS = `SELECT ecosystem, name, affected FROM "scanner"."advisory_packages"
  WHERE ecosystem = ANY($1::text[]) OR (ecosystem = 'Debian:11' AND advisory_id LIKE 'DSA-%')
  ORDER BY ecosystem, name, advisory_id`;
const BENCH_LAYER = `sha256:${'0'.repeat(64)}`;

/** The first `introduced` other than 0 of a non-GIT range (GIT ones hold commits and are not matched), else 0.0.1. */
function affectedVersion(entries) {
  for (const affected of entries) {
    for (const range of affected.ranges ?? []) {
      if (range.type === 'GIT') continue;
      const introduced = range.events.find((e) => e.kind === 'introduced' && e.version !== '0');
      if (introduced) return introduced.version;
    }
  }
  return '0.0.1';
}

const syntheticPackage = (ecosystem, name, version) => ({
  name,
  version,
  ecosystem,
  purl: `pkg:${ecosystem}/${encodeURIComponent(name)}@${encodeURIComponent(version)}`,
  arch: null,
  source: null,
  licenses: [],
  layerIndex: 0,
  layerDigest: BENCH_LAYER,
  // the ecosystem leads the path so findings can be counted per ecosystem
  locations: [`/bench/${ecosystem}/${name}`],
  foundBy: 'bench',
});

/** The synthetic catalog, read from the advisory database. */
async function syntheticCatalog(dataSource) {
  const rows = await dataSource.query(ROWS, [Object.keys(LANGUAGE)]);
  const byKey = new Map();
  for (const row of rows) {
    const key = `${row.ecosystem}\u0000${row.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const packages = [...byKey.values()].map((entries) => {
    const { ecosystem, name } = entries[0];
    return syntheticPackage(LANGUAGE[ecosystem] ?? 'deb', name, affectedVersion(entries.map((e) => e.affected)));
  });
  return { os: DEBIAN_OS, packages };
}

const countBy = (items, keyOf) => items.reduce((counts, item) => ({ ...counts, [keyOf(item)]: (counts[keyOf(item)] ?? 0) + 1 }), {});

/**
 * The steps of vulnerabilityFindings one by one, as image-findings.ts chains them, to split its time: the advisory lookup,
 * version evaluation (no database), and the severities of advisories related to unrated matches (a second query).
 */
function matchingSteps(dataSource, catalog, keys) {
  const { loadCandidates, loadRelatedSeverities } = dist('advisoryCandidates');
  const { indexCandidates, lookupIn, matchPackages } = dist('vulnerabilities');
  const evaluate = (candidates) => matchPackages(catalog.packages, catalog.os, lookupIn(indexCandidates(candidates)));
  return {
    lookup: () => dataSource.transaction((manager) => loadCandidates(manager, keys)),
    evaluation: async (candidates) => evaluate(candidates),
    related: async (candidates) => {
      const { matches } = evaluate(candidates);
      const unrated = matches.filter((m) => m.advisories.every((a) => a.severity.rating === undefined)).flatMap((m) => m.advisoryIds);
      return { unrated: unrated.length, time: await timed(() => dataSource.transaction((manager) => loadRelatedSeverities(manager, unrated))) };
    },
  };
}

/**
 * Times vulnerabilityFindings over the synthetic catalog, alternating with its reference, the advisory lookup alone
 * (loadCandidates), and with the other two steps, over `runs` rounds after a warm-up.
 */
export async function measureThroughput(dataSource, runs) {
  const { advisoryKeysOf, vulnerabilityFindings } = dist('imageFindings');
  const catalog = await syntheticCatalog(dataSource);
  const keys = advisoryKeysOf(catalog);
  log(`matching throughput: ${catalog.packages.length} packages, ${keys.length} lookup keys`);
  const steps = matchingSteps(dataSource, catalog, keys);
  const candidates = await steps.lookup();
  const modes = {
    matching: () => dataSource.transaction((manager) => vulnerabilityFindings(manager, catalog)),
    lookup: steps.lookup,
    evaluation: () => steps.evaluation(candidates),
  };
  const seconds = { matching: [], lookup: [], evaluation: [], related: [] };
  const last = {};
  for (let run = 0; run <= runs; run += 1) {
    const line = [];
    for (const mode of rotate(Object.keys(modes), run)) {
      const { seconds: s, value } = await timed(modes[mode]);
      line.push(`${mode} ${s.toFixed(3)} s`);
      if (run === 0) continue;
      seconds[mode].push(s);
      last[mode] = value;
    }
    // timed apart: the matching it needs first is not part of this figure
    const related = await steps.related(candidates);
    line.push(`related ${related.time.seconds.toFixed(3)} s`);
    if (run > 0) {
      seconds.related.push(related.time.seconds);
      last.unrated = related.unrated;
    }
    log(`  round ${run}${run === 0 ? ' (warm-up)' : ''}: ${line.join(', ')}`);
  }
  const med = Object.fromEntries(Object.entries(seconds).map(([mode, values]) => [mode, median(values)]));
  const { findings, versionErrors } = last.matching;
  const ecosystemOf = (path) => path.split('/')[2];
  return {
    packages: catalog.packages.length,
    packagesByEcosystem: countBy(catalog.packages, (p) => p.ecosystem),
    lookupKeys: keys.length,
    candidates: last.lookup.length,
    findings: findings.length,
    findingsByEcosystem: countBy(findings, (f) => ecosystemOf(f.evidence.path)),
    packagesWithFindings: new Set(findings.map((f) => f.evidence.path)).size,
    versionErrors,
    unratedAdvisoryIds: last.unrated,
    seconds: {
      ...Object.fromEntries(Object.entries(med).map(([mode, s]) => [mode, round(s)])),
      runs: Object.fromEntries(Object.entries(seconds).map(([mode, values]) => [mode, values.map((s) => round(s))])),
    },
    packagesPerSecond: Math.round(catalog.packages.length / med.matching),
    findingsPerSecond: Math.round(findings.length / med.matching),
    share: { lookup: round(med.lookup / med.matching), evaluation: round(med.evaluation / med.matching), related: round(med.related / med.matching) },
  };
}
