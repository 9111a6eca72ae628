#!/usr/bin/env node
// The local stack launcher: `node tools/stack/cli.mjs start|infra|stop|status|fetch` (see docs/local-stack.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureKafkaArtifacts } from './kafka.mjs';
import { createTeardown, startInfra } from './infra.mjs';
import { portFromEnv, repoRoot, stackDir } from './paths.mjs';
import { ensureDatabase } from './postgres.mjs';
import { defaultLog as log, isAliveAs } from './proc.mjs';
import { printStatus, printSummary } from './report.mjs';
import { serviceList, startServices } from './services.mjs';
import { readState, removeState, stopFromState, writeState } from './state.mjs';
import { createTopics } from './topics.mjs';

const USAGE = `usage: node tools/stack/cli.mjs <command>
  start    build, then run Kafka, PostgreSQL and the five services in the foreground (Ctrl-C stops all)
  infra    build, then run only Kafka and PostgreSQL (with topics and database dhi) in the foreground
  stop     stop the stack started from another terminal
  status   show what the state file records and whether it still runs
  fetch    download Kafka's jars into the cache (done by start/infra when needed)`;

function ports() {
  return {
    kafka: portFromEnv('DHI_KAFKA_PORT', 29092),
    controller: portFromEnv('DHI_KAFKA_CONTROLLER_PORT', 29093),
    postgres: portFromEnv('DHI_PG_PORT', 25432),
  };
}

function build() {
  log('compiling with tools/build.mjs');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'tools/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

async function foreground(withServices) {
  const dir = stackDir();
  mkdirSync(dir, { recursive: true });
  const previous = readState(dir);
  if (previous && isAliveAs(previous.pid, 'cli.mjs')) {
    throw new Error(`a stack is already running from ${dir} (launcher pid ${previous.pid}); `
      + 'stop it first with `npm stop`');
  }
  // A launcher that was killed outright leaves its children and state file behind.
  if (previous) await stopFromState(dir, { log });
  const aborter = new AbortController();
  const teardown = createTeardown(log);
  const state = { pid: process.pid, command: withServices ? 'start' : 'infra', startedAt: new Date().toISOString(), dir };
  // starting: a signal aborts the startup, whose catch tears down; running: a signal tears down at once.
  let phase = 'starting';
  const shutdown = async (exitCode) => {
    phase = 'stopping';
    await teardown.run();
    removeState(dir);
    process.exit(exitCode);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (phase === 'stopping' || aborter.signal.aborted) return log('still stopping, please wait');
      log(`${sig}: stopping the stack`);
      aborter.abort();
      if (phase === 'running') void shutdown(0);
    });
  }
  const step = () => aborter.signal.throwIfAborted();
  try {
    // infra builds too: topics are created through the compiled messaging library.
    if (!process.argv.includes('--no-build')) build();
    step();
    writeState(dir, state);
    const infra = await startInfra({ dir, ports: ports(), teardown, log, signal: aborter.signal });
    Object.assign(state, { kafka: infra.kafka, postgres: infra.postgres, brokers: infra.brokers });
    writeState(dir, state);
    step();
    const databaseUrl = await ensureDatabase(infra.adminUrl, 'dhi');
    step();
    await createTopics(infra.brokers, { log });
    step();
    let services = [];
    if (withServices) {
      const started = await startServices({
        env: { DATABASE_URL: databaseUrl, KAFKA_BROKERS: infra.brokers, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
        services: serviceList().map((service) =>
          service.name === 'build' ? { ...service, env: { BLOB_STORE_DIR: path.join(dir, 'blobs') } } : service),
        logDir: path.join(dir, 'logs'),
        log,
        signal: aborter.signal,
        onExit: ({ name, how, logFile }) => log(`service ${name} stopped by itself (${how}); see ${logFile}`),
      });
      teardown.add('services', started.stop);
      services = started.services;
      Object.assign(state, { services });
      writeState(dir, state);
      step();
    }
    phase = 'running';
    printSummary({ services, brokers: infra.brokers, databaseUrl, adminUrl: infra.adminUrl, dir });
  } catch (error) {
    if (!aborter.signal.aborted) log(error.message);
    await shutdown(aborter.signal.aborted ? 0 : 1);
  }
  // Keep the event loop alive until a signal arrives, even if every child has exited.
  setInterval(() => undefined, 1 << 30);
}

async function main(command) {
  switch (command) {
    case 'start':
      return foreground(true);
    case 'infra':
      return foreground(false);
    case 'stop':
      return stopFromState(stackDir(), { log });
    case 'status':
      return printStatus(stackDir());
    case 'fetch':
      log(`Kafka jars ready in ${await ensureKafkaArtifacts({ log })}`);
      return undefined;
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = command === 'help' || command === '--help' ? 0 : 2;
      return undefined;
  }
}

main(process.argv[2]).catch((error) => {
  log(error.message);
  process.exit(1);
});
