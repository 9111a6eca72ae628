// bench/checks: on the ~120 MB Debian image of bench/image-read (debootstrap minbase, three gzip'd layers), the scanner's
// secret, permission and config checks over one read of the layers, as a ratio to only reading the layers, in one run.
// Target: the checks at most double the read time.
// Usage: node tools/build.mjs && node bench/checks/run.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareImage } from '../image-read/prepare-image.mjs';
import { log, median, repoRoot, round } from '../support/dist.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const TARGET_RATIO = 2;

function checksRun(layout, runs) {
  const child = path.join(repoRoot, 'bench/checks/checks-run.mjs');
  const result = spawnSync(process.execPath, ['--expose-gc', child, layout, String(runs)], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`checks-run.mjs exited with ${result.status}`);
  return JSON.parse(String(result.stdout));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-checks-'));
chmodSync(work, 0o755);
try {
  log('preparing the image');
  const image = prepareImage(work, log);
  const result = checksRun(image.layout, Number(args.runs));
  const reference = median(result.seconds.reference);
  const checks = median(result.seconds.checks);
  const ratio = checks / reference;
  log(`reference ${reference.toFixed(3)} s, checks ${checks.toFixed(3)} s: ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`);
  process.stdout.write(`${JSON.stringify({
    bench: 'checks',
    image: { layers: image.layers.length, gzipBytes: image.layers.reduce((s, l) => s + l.gzipBytes, 0), tarBytes: image.layers.reduce((s, l) => s + l.tarBytes, 0), entries: result.entries },
    runs: Number(args.runs),
    seconds: { reference: round(reference), checks: round(checks) },
    ratio: round(ratio, 2),
    target: { ratio: TARGET_RATIO, met: ratio <= TARGET_RATIO },
    hits: result.hits,
    hitsByRule: result.hitsByRule,
    secretScan: result.report,
    peakRssBytes: result.maxRssBytes,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    node: process.version,
  }, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
