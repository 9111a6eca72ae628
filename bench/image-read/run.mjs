// bench/image-read: reads a ~120 MB Debian image (debootstrap minbase, cached under ~/.cache/dhi-platform/debian-bookworm-minbase) with
// @dhi/image and compares the time to read and walk every layer with `gzip -dc layer | tar -t` on the same layers.
// Usage: node tools/build.mjs && node bench/image-read/run.mjs [--runs 3]   (DHI_IMAGE_LIB=<index.js> to use another build)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareImage, sh } from './prepare-image.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const TARGET_RATIO = 1.5;
const TARGET_RSS_BYTES = 200 * 1024 * 1024;

function libraryRun(layout, libPath) {
  const result = sh(process.execPath, [path.join(repoRoot, 'bench/image-read/library-run.mjs'), layout, libPath]);
  return JSON.parse(String(result.stdout));
}

function gzipTarRun(layers) {
  const started = performance.now();
  for (const layer of layers) sh('sh', ['-c', `gzip -dc "${layer.path}" | tar -t > /dev/null`]);
  return (performance.now() - started) / 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const libPath = process.env.DHI_IMAGE_LIB ?? path.join(repoRoot, 'dist/libs/image/src/index.js');
  const work = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-image-'));
  chmodSync(work, 0o755);
  try {
    log('preparing the image');
    const image = prepareImage(work, log);
    const runs = Number(args.runs);
    const library = [];
    const gzipTar = [];
    // alternate the two so that cache warmth and machine noise fall on both alike; the first pair warms the page cache
    for (let run = 0; run <= runs; run += 1) {
      const lib = libraryRun(image.layout, libPath);
      const cli = gzipTarRun(image.layers);
      if (run > 0) {
        library.push(lib);
        gzipTar.push(cli);
      }
      log(`run ${run}${run === 0 ? ' (warm-up)' : ''}: library walk ${lib.walkSeconds.toFixed(3)} s, import ${lib.importSeconds.toFixed(3)} s, gzip|tar ${cli.toFixed(3)} s, maxRSS ${(lib.maxRssBytes / 1048576).toFixed(0)} MiB`);
    }
    const walkSeconds = median(library.map((r) => r.walkSeconds));
    const importSeconds = median(library.map((r) => r.importSeconds));
    const gzipTarSeconds = median(gzipTar);
    const peakRssBytes = Math.max(...library.map((r) => r.maxRssBytes));
    const ratio = walkSeconds / gzipTarSeconds;
    const report = {
      bench: 'image-read',
      image: {
        layers: image.layers.map((l) => ({ digest: l.digest, gzipBytes: l.gzipBytes, tarBytes: l.tarBytes })),
        gzipBytes: image.layers.reduce((sum, l) => sum + l.gzipBytes, 0),
        tarBytes: image.layers.reduce((sum, l) => sum + l.tarBytes, 0),
        entries: library[0].entries,
        finalPaths: library[0].finalPaths,
      },
      runs,
      seconds: { libraryReadAndWalk: walkSeconds, gzipDcTarT: gzipTarSeconds, libraryImport: importSeconds },
      ratio,
      ratioWithImport: (walkSeconds + importSeconds) / gzipTarSeconds,
      peakRssBytes,
      cores: os.availableParallelism?.() ?? os.cpus().length,
      node: process.version,
      targets: { ratio: TARGET_RATIO, peakRssBytes: TARGET_RSS_BYTES, met: ratio <= TARGET_RATIO && peakRssBytes <= TARGET_RSS_BYTES },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exitCode = 1;
});
