// The compiled workspace the bench measures (dist/, written by `node tools/build.mjs`), loaded as the services load it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

const MODULES = {
  image: 'libs/image/src/index.js',
  sbom: 'libs/sbom/src/index.js',
  testing: 'libs/testing/src/index.js',
  persistence: 'libs/persistence/src/index.js',
  versions: 'libs/versions/src/index.js',
  vulnerabilities: 'libs/vulnerabilities/src/index.js',
  scannerConfig: 'services/scanner/src/config.js',
  importAdvisories: 'services/scanner/src/advisories/import-advisories.js',
  advisorySource: 'services/scanner/src/advisories/advisory-source.js',
  imageFindings: 'services/scanner/src/match-vulnerabilities/image-findings.js',
  advisoryCandidates: 'services/scanner/src/match-vulnerabilities/advisory-candidates.js',
  imageChecks: 'services/scanner/src/on-build-completed/image-checks.js',
  anomalies: 'libs/anomalies/src/index.js',
};

/** One compiled module by its short name (see MODULES); says how to build dist/ when it is missing. */
export function dist(name) {
  const file = path.join(repoRoot, 'dist', MODULES[name]);
  if (!existsSync(file)) throw new Error(`${file} is missing: run node tools/build.mjs first`);
  return require(file);
}

/**
 * The shared corpora: DHI_CORPORA_DIR, else ../shared/corpora beside the repository, as @dhi/testing's corporaDir
 * resolves them from the sources (its compiled copy sits one folder deeper, so it cannot be used from dist/).
 */
export function corporaDir() {
  const dir = process.env.DHI_CORPORA_DIR ?? path.resolve(repoRoot, '../shared/corpora');
  if (!existsSync(path.join(dir, 'osv'))) throw new Error(`advisory corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  return dir;
}

export const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs fn and returns {seconds, value}. A full GC first (when node runs with --expose-gc) so that garbage left by the
 * previous measurement is not collected on this one's clock.
 */
export async function timed(fn) {
  globalThis.gc?.();
  const started = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** The list rotated by n: measurements alternate, and none always runs right after the same other one. */
export const rotate = (items, n) => items.map((_, index) => items[(index + n) % items.length]);

export const round = (value, digits = 3) => Number(value.toFixed(digits));

export const mib = (bytes) => (bytes / 1048576).toFixed(0);

/**
 * Runs the measured modes round after round, in rotating order, the first round as an uncounted warm-up; returns the
 * seconds per mode and the value each mode returned last (merged), and logs each round.
 */
export async function alternateRounds(modes, runs, onValue = () => undefined) {
  const seconds = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
  let last = {};
  for (let round = 0; round <= runs; round += 1) {
    const line = [];
    for (const mode of rotate(Object.keys(modes), round)) {
      const { seconds: s, value } = await timed(modes[mode]);
      line.push(`${mode} ${s.toFixed(3)} s`);
      if (round === 0) continue;
      seconds[mode].push(s);
      onValue(mode, value, seconds);
      last = { ...last, ...value };
    }
    log(`  round ${round}${round === 0 ? ' (warm-up)' : ''}: ${line.join(', ')}`);
  }
  return { seconds, last };
}
