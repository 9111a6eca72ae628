// bench/pipeline: submit N small builds back to back and report submit → review-opened latency (p50, p95, max) and
// throughput, against the latency of a lone build on the idle platform measured in the same run.
// Usage: node bench/pipeline/run.mjs [--builds 50] [--idle 3]   (KAFKA_BROKERS / DATABASE_URL to reuse servers)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTeardown, createTopics, freePort, isRoot, repoRoot, startInfra } from '../../tools/stack/index.mjs';

const { values: args } = parseArgs({ options: { builds: { type: 'string', default: '50' }, idle: { type: 'string', default: '3' } } });
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const teardown = createTeardown(log);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function submit(testing, buildUrl, archive, name) {
  const form = new FormData();
  form.set('name', name);
  form.set('tag', '1');
  form.set('image', new Blob([archive]), 'image.tar');
  const started = Date.now();
  const response = await fetch(`${buildUrl}/v1/builds`, { method: 'POST', body: form });
  if (response.status !== 202) throw new Error(`submit ${name}: ${response.status} ${await response.text()}`);
  const { id } = await response.json();
  return { id, started };
}

async function main() {
  const builds = Number(args.builds);
  const idleRuns = Number(args.idle);
  spawnSync(process.execPath, [path.join(repoRoot, 'tools/build.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-'));
  if (isRoot) chmodSync(dir, 0o755);
  teardown.add('bench dir', async () => rmSync(dir, { recursive: true, force: true }));
  const ports = { kafka: await freePort(), controller: await freePort(), postgres: await freePort() };
  const infra = await startInfra({ dir, ports, teardown, log });
  await createTopics(infra.brokers, { log });
  Object.assign(process.env, { KAFKA_BROKERS: infra.brokers, DATABASE_URL: infra.adminUrl, LOG_LEVEL: 'warn' });

  const require = createRequire(import.meta.url);
  const testing = require(path.join(repoRoot, 'dist/libs/testing/src/index.js'));
  const messaging = require(path.join(repoRoot, 'dist/libs/messaging/src/index.js'));
  const { TOPICS } = require(path.join(repoRoot, 'dist/libs/contracts/src/index.js'));
  log('starting the five services');
  const platform = await testing.startTestPlatform({ logLevel: 'warn' });
  teardown.add('platform', () => platform.stop());
  const tap = await messaging.tapTopics(platform.kafka, [TOPICS.reviewOpened]);
  teardown.add('tap', () => tap.stop());
  const openedAt = (id) => tap.json().find((e) => e.subject === id)?.time;

  const archives = [];
  for (let i = 0; i < builds + idleRuns; i += 1) {
    archives.push(await testing.buildImageArchive(testing.sampleImageSpec(`bench-${i}`), 'docker-archive'));
  }
  const latency = (s) => Date.parse(openedAt(s.id)) - s.started;
  const waitAll = (subs, timeoutMs) =>
    testing.pollUntil(() => subs.every((s) => openedAt(s.id)), { timeoutMs, intervalMs: 50, description: 'review.opened of every build' });

  log(`reference: ${idleRuns} lone builds on the idle platform`);
  const idle = [];
  for (let i = 0; i < idleRuns; i += 1) {
    const s = await submit(testing, platform.url('build'), archives[builds + i], `bench/idle-${i}`);
    await waitAll([s], 60_000);
    idle.push(latency(s));
  }
  idle.sort((a, b) => a - b);

  log(`load: ${builds} builds back to back`);
  const firstSubmit = Date.now();
  const subs = [];
  for (let i = 0; i < builds; i += 1) subs.push(await submit(testing, platform.url('build'), archives[i], `bench/load-${i}`));
  const submitSeconds = (Date.now() - firstSubmit) / 1000;
  await waitAll(subs, 600_000);
  const lat = subs.map(latency).sort((a, b) => a - b);
  const lastOpened = Math.max(...subs.map((s) => Date.parse(openedAt(s.id))));
  const result = {
    cores: os.cpus().length,
    builds,
    idleReferenceMs: { p50: percentile(idle, 50), runs: idle },
    loadLatencyMs: { p50: percentile(lat, 50), p95: percentile(lat, 95), max: lat[lat.length - 1] },
    ratioToIdle: { p50: +(percentile(lat, 50) / percentile(idle, 50)).toFixed(2), p95: +(percentile(lat, 95) / percentile(idle, 50)).toFixed(2) },
    submitSeconds: +submitSeconds.toFixed(2),
    throughputBuildsPerSecond: +(builds / ((lastOpened - firstSubmit) / 1000)).toFixed(2),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main()
  .catch((error) => {
    log(error.stack ?? String(error));
    process.exitCode = 1;
  })
  .finally(() => teardown.run());
