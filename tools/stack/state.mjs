// The state file of a running `start`/`infra`, which lets `stop` and `status` work from another terminal.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopPostgresDataDir } from './postgres.mjs';
import { defaultLog, isAlive, isAliveAs, pollUntil, terminate } from './proc.mjs';

function statePath(dir) {
  return path.join(dir, 'state.json');
}

/** Writes the state ({pid, command, kafka, postgres, services, ...}) of the launcher owning `dir`. */
export function writeState(dir, state) {
  writeFileSync(statePath(dir), `${JSON.stringify(state, null, 2)}\n`);
}

/** The state of the launcher owning `dir`, or null when none was written. */
export function readState(dir) {
  return existsSync(statePath(dir)) ? JSON.parse(readFileSync(statePath(dir), 'utf8')) : null;
}

/** Removes the state file. */
export function removeState(dir) {
  rmSync(statePath(dir), { force: true });
}

/**
 * Asks the launcher recorded in `dir` to shut down (SIGTERM; it stops its own children), then stops
 * whatever it left behind if it died without cleaning up.
 */
export async function stopFromState(dir, { log = defaultLog } = {}) {
  const state = readState(dir);
  if (!state) {
    log(`nothing to stop: no state file in ${dir}`);
    return;
  }
  if (isAliveAs(state.pid, 'cli.mjs')) {
    log(`asking launcher pid ${state.pid} to stop`);
    process.kill(state.pid, 'SIGTERM');
    const what = `launcher pid ${state.pid} to exit`;
    await pollUntil(() => !isAlive(state.pid), { timeoutMs: 90_000, intervalMs: 200, what }).catch((error) => log(error.message));
  }
  for (const service of state.services ?? []) {
    if (isAliveAs(service.pid, `${service.name}/src/main.js`)) {
      log(`stopping leftover service ${service.name} (pid ${service.pid})`);
      await terminate(service.pid, { graceMs: 10_000, group: true });
    }
  }
  if (state.kafka && isAliveAs(state.kafka.pid, 'kafka.Kafka')) {
    log(`stopping leftover Kafka (pid ${state.kafka.pid})`);
    await terminate(state.kafka.pid, { graceMs: 30_000 });
  }
  if (state.postgres && isAliveAs(state.postgres.pid, state.postgres.dataDir)) {
    log(`stopping leftover PostgreSQL (pid ${state.postgres.pid})`);
    await stopPostgresDataDir(state.postgres.dataDir);
  }
  removeState(dir);
}
