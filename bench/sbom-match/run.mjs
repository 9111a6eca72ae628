// bench/sbom-match: in one run, (a) SBOM and SBOM + matching of the debootstrap Debian 12 minbase image and of an image
// with 2,000 npm packages, each as a ratio to only reading the same layers; (b) matching throughput against the whole
// imported advisory corpus, against the advisory lookup alone and split into its steps; (c) the import time of that corpus.
// Usage: node tools/build.mjs && node bench/sbom-match/run.mjs [--runs 7]   (DATABASE_URL to use another server)
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTeardown, isRoot } from '../../tools/stack/index.mjs';
import { openBenchDatabase } from './database.mjs';
import { log, median, mib, round } from '../support/dist.mjs';
import { checkNpmFindings, prepareImages } from './images.mjs';
import { importCorpora } from './import-corpora.mjs';
import { measureThroughput } from './throughput.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(args.runs);
const teardown = createTeardown(log);
const here = path.dirname(fileURLToPath(import.meta.url));

function imageRun(options) {
  return new Promise((resolve, reject) => {
    // its own process, so its peak RSS is that of reading, cataloging and matching this image alone
    const child = spawn(process.execPath, ['--expose-gc', path.join(here, 'image-run.mjs'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error(`image-run exited with ${code}`))));
  });
}

const mapValues = (object, fn) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));

function imageReport(image, result) {
  const med = mapValues(result.seconds, median);
  const { findingPaths, seconds, ...counts } = result;
  const report = {
    name: image.name,
    layerBytes: image.layers.reduce((sum, l) => sum + l.size, 0),
    ...counts,
    seconds: { ...mapValues(med, (s) => round(s)), runs: mapValues(seconds, (values) => values.map((s) => round(s))) },
    ratio: { catalog: round(med.catalog / med.reference, 2), catalogAndMatch: round(med.catalogAndMatch / med.reference, 2) },
  };
  if (image.expected) report.check = checkNpmFindings(image.expected, findingPaths);
  log(`${image.name}: reference ${med.reference.toFixed(3)} s, catalog ${med.catalog.toFixed(3)} s (×${report.ratio.catalog}), `
    + `catalog+match ${med.catalogAndMatch.toFixed(3)} s (×${report.ratio.catalogAndMatch}); ${result.packages} packages, `
    + `${result.findings} findings, peak RSS ${mib(result.maxRssBytes)} MiB`);
  return report;
}

async function main() {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1 (5 or more for figures), got ${args.runs}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-sbom-match-'));
  // the postgres OS user must reach the private cluster's directory inside it
  if (isRoot) chmodSync(work, 0o755);
  teardown.add('bench dir', async () => rmSync(work, { recursive: true, force: true }));
  const db = await openBenchDatabase(work, teardown, log);

  log('(c) importing the advisory corpora');
  const corpusImport = await importCorpora(db.dataSource, log);

  log('(a) preparing the images');
  const { storeDir, images } = await prepareImages(work, log);
  const imageReports = [];
  for (const image of images) {
    log(`(a) ${image.name}: ${runs} rounds after a warm-up of reference, catalog, catalog+match`);
    imageReports.push(imageReport(image, await imageRun({ storeDir, layers: image.layers, databaseUrl: db.url, runs })));
  }

  log('(b) matching throughput');
  const throughput = await measureThroughput(db.dataSource, runs);
  const percent = (share) => `${Math.round(share * 100)} %`;
  log(`matching: ${throughput.packagesPerSecond} packages/s, ${throughput.findingsPerSecond} findings/s; of its time the lookup is `
    + `${percent(throughput.share.lookup)}, evaluation ${percent(throughput.share.evaluation)}, the related-severity query ${percent(throughput.share.related)}`);

  const check = imageReports.find((r) => r.check)?.check;
  if (check && !check.ok) {
    log(`the npm image's findings do not match its plan: missed ${JSON.stringify(check.missed)}, unexpected ${JSON.stringify(check.unexpected)}`);
    process.exitCode = 1;
  }
  const report = {
    bench: 'sbom-match',
    runs,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    node: process.version,
    images: imageReports,
    throughput,
    corpusImport,
    mainPeakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

// an interrupted run still stops its PostgreSQL and removes its directory
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void teardown.run().finally(() => process.exit(130)));

main()
  .catch((error) => {
    log(error.stack ?? String(error));
    process.exitCode = 1;
  })
  .finally(() => teardown.run());
