// `npm test`: build, bring up a throwaway Kafka and PostgreSQL (unless KAFKA_BROKERS and DATABASE_URL are set),
// run every Jest project serially, tear everything down, and close with `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTeardown, createTopics, freePort, isRoot, repoRoot, startInfra } from './stack/index.mjs';
import { countResults, summaryLine } from './stack/jest-summary.mjs';

const log = (message) => process.stderr.write(`[test] ${message}\n`);
const resultsFile = path.join(repoRoot, '.test-results', 'jest.json');
const aborter = new AbortController();
const teardown = createTeardown(log);
let jest = null;
let stackDir = null;

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (aborter.signal.aborted) return;
    log(`${sig}: stopping`);
    aborter.abort();
    // A terminal's Ctrl-C reaches Jest too; a signal sent to this process alone must be passed on.
    if (jest?.exitCode === null) jest.kill(sig);
  });
}

function build() {
  log('compiling with tools/build.mjs');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'tools/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

async function infra() {
  const env = { KAFKA_BROKERS: process.env.KAFKA_BROKERS, DATABASE_URL: process.env.DATABASE_URL };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dhi-test-stack-'));
  stackDir = dir;
  // mkdtemp makes the dir 0700; the postgres OS user must traverse it to reach its cluster below.
  if (isRoot) chmodSync(dir, 0o755);
  const ports = { kafka: await freePort(), controller: await freePort(), postgres: await freePort() };
  const started = await startInfra({ dir, ports, teardown, env, log, signal: aborter.signal });
  aborter.signal.throwIfAborted();
  await createTopics(started.brokers, { log });
  return started;
}

function runJest({ brokers, adminUrl }) {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const args = [path.join(repoRoot, 'node_modules/jest/bin/jest.js'), '--config', path.join(repoRoot, 'jest.config.cjs'),
    '--runInBand', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)];
  const env = { ...process.env, KAFKA_BROKERS: brokers, DATABASE_URL: adminUrl, DHI_TEST_STACK: '1',
    KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  return new Promise((resolve) => {
    jest = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'inherit' });
    jest.once('error', (error) => {
      log(`cannot run jest: ${error.message}`);
      resolve(1);
    });
    jest.once('exit', (code, sig) => resolve(code ?? (sig ? 1 : 0)));
  });
}

// The brokers' logs outlive the temp stack, for reading after a failed run.
function keepLogsAndRemove(dir) {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  for (const file of ['kafka/kafka.log', 'postgres/postgres.log']) {
    const from = path.join(dir, file);
    if (existsSync(from)) copyFileSync(from, path.join(path.dirname(resultsFile), path.basename(file)));
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  let jestCode = 1;
  rmSync(resultsFile, { force: true });
  try {
    build();
    aborter.signal.throwIfAborted();
    const started = await infra();
    aborter.signal.throwIfAborted();
    jestCode = await runJest(started);
  } catch (error) {
    if (!aborter.signal.aborted) log(error.message);
  } finally {
    await teardown.run();
    if (stackDir) keepLogsAndRemove(stackDir);
  }
  if (!existsSync(resultsFile)) {
    log('no test results: Jest did not run to the end');
    return aborter.signal.aborted ? 130 : 1;
  }
  const counts = countResults(JSON.parse(readFileSync(resultsFile, 'utf8')));
  process.stdout.write(`${summaryLine(counts)}\n`);
  if (aborter.signal.aborted) return 130;
  return jestCode !== 0 || counts.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
