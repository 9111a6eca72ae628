// Child process of bench/checks/run.mjs: imports the bench image, then alternates, round after round, the reference (only
// reading the layers) and the scanner's file and config checks over the same read (secrets in every layer, permissions
// and accounts, image config), and prints timings, counts and its own peak RSS as JSON.
// Usage (by run.mjs): node --expose-gc checks-run.mjs <layout> <runs>
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alternateRounds, dist } from '../support/dist.mjs';

const [layout, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const { FileBlobStore, importImageLayout, readImageConfig, readImageFilesystem } = dist('image');
const { imageChecks } = dist('imageChecks');

const storeDir = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-checks-'));
try {
  const store = new FileBlobStore(storeDir);
  const image = await importImageLayout(layout, store);
  const config = await readImageConfig(store, image.configDigest);
  const layers = image.layers.map(({ digest }) => ({ digest }));
  const MODES = {
    reference: async () => ({ entries: (await readImageFilesystem(layers, store)).entryCount }),
    checks: async () => {
      const checks = imageChecks({ config, layers, runtimeVariant: false });
      const { wantContent, inspect, onFilesystem } = checks.extra;
      const fs = await readImageFilesystem(layers, store, { wantContent, inspect });
      onFilesystem(fs, fs.inspections);
      return { hits: checks.hits(), report: checks.report?.() ?? null };
    },
  };
  const { seconds, last } = await alternateRounds(MODES, runs);
  const bySeverity = {};
  for (const hit of last.hits) bySeverity[hit.severity ?? 'rule default'] = (bySeverity[hit.severity ?? 'rule default'] ?? 0) + 1;
  process.stdout.write(`${JSON.stringify({
    seconds,
    entries: last.entries,
    hits: last.hits.length,
    hitsByRule: last.hits.reduce((acc, h) => ({ ...acc, [h.ruleId]: (acc[h.ruleId] ?? 0) + 1 }), {}),
    bySeverity,
    report: last.report,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`);
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}
