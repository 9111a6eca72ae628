// The five platform services as child processes of the launcher: migrate, start, wait for readiness, stop.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { portFromEnv, repoRoot } from './paths.mjs';
import { defaultLog, fatal, pollUntil, run, tailFile, terminate } from './proc.mjs';

const DEFAULT_PORTS = { build: 8081, scanner: 8082, 'anomaly-detector': 8083, review: 8084, 'feedback-trainer': 8085 };

/** Every service's name and port (DESIGN §8 defaults; DHI_<NAME>_PORT overrides, e.g. DHI_ANOMALY_DETECTOR_PORT). */
export function serviceList() {
  return Object.entries(DEFAULT_PORTS).map(([name, port]) => ({
    name,
    port: portFromEnv(`DHI_${name.toUpperCase().replace(/-/g, '_')}_PORT`, port),
  }));
}

function entry(root, name, file) {
  return path.join(root, 'dist/services', name, 'src', file);
}

function appendLine(logFile, text) {
  const fd = openSync(logFile, 'a');
  writeSync(fd, `=== ${new Date().toISOString()} ${text}\n`);
  closeSync(fd);
}

/** GET url; resolves true only for a 200 answer. */
export function httpOk(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

async function migrate({ root, service, env, logFile, log, signal }) {
  const file = entry(root, service.name, 'migrate.js');
  if (!existsSync(file)) {
    log(`${service.name}: no ${path.relative(root, file)}, no migrations to run`);
    return;
  }
  appendLine(logFile, 'migrate');
  try {
    const output = await run(process.execPath, [file], { cwd: root, env, timeoutMs: 180_000, signal });
    appendLine(logFile, `migrate done\n${output}`);
  } catch (error) {
    appendLine(logFile, `migrate failed\n${error.message}`);
    throw new Error(`migrations of ${service.name} failed: ${error.message}`);
  }
}

function launch({ root, service, env, logFile }) {
  const file = entry(root, service.name, 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node tools/build.mjs\` first`);
  appendLine(logFile, `start on port ${service.port}`);
  const out = openSync(logFile, 'a');
  // Own process group: a terminal's Ctrl-C reaches the launcher only, which then stops services first, brokers last.
  const child = spawn(process.execPath, [file], { cwd: root, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const state = { exited: false };
  child.once('exit', (code, sig) => {
    Object.assign(state, { exited: true, how: sig ? `killed by ${sig}` : `exit code ${code}` });
  });
  child.once('error', (error) => Object.assign(state, { exited: true, how: error.message }));
  return { child, state };
}

/**
 * Runs each service's migrations, then starts `node dist/services/<name>/src/main.js` for each, logging to
 * `<logDir>/<name>.log`, and resolves when every GET /health/ready answers 200.
 * `env` is shared (DATABASE_URL, KAFKA_BROKERS, LOG_LEVEL, ...); a service's own `env` and PORT are added.
 * `onExit({name, how, logFile})` reports a service that stops by itself after it was ready.
 */
export async function startServices({ env, logDir, services = serviceList(), root = repoRoot, log = defaultLog,
  readyTimeoutMs = 90_000, signal, onExit }) {
  mkdirSync(logDir, { recursive: true });
  const plan = services.map((service) => ({
    service,
    logFile: path.join(logDir, `${service.name}.log`),
    env: { ...process.env, ...env, ...service.env, PORT: String(service.port) },
  }));
  for (const item of plan) await migrate({ root, log, signal, ...item });

  const running = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all(running.map(({ child }) => terminate(child.pid, { graceMs: 10_000, group: true })));
  };
  try {
    for (const item of plan) running.push({ ...item, ...launch({ root, ...item }) });
    log(`waiting for ${services.map((service) => service.name).join(', ')} to be ready`);
    await Promise.all(running.map(async ({ service, state, logFile }) => {
      const url = `http://127.0.0.1:${service.port}/health/ready`;
      try {
        await pollUntil(async () => {
          if (state.exited) throw fatal(`it stopped (${state.how})`);
          return httpOk(url);
        }, { timeoutMs: readyTimeoutMs, intervalMs: 250, what: `${url} to answer 200`, signal });
      } catch (error) {
        throw new Error(`service ${service.name} did not become ready: ${error.message}\n`
          + `--- ${logFile} (tail) ---\n${tailFile(logFile, 40)}`);
      }
    }));
  } catch (error) {
    await stop();
    throw error;
  }
  for (const { service, child, logFile } of running) {
    child.once('exit', (code, sig) => {
      if (!stopping) onExit?.({ name: service.name, how: sig ? `killed by ${sig}` : `exit code ${code}`, logFile });
    });
  }
  return {
    services: running.map(({ service, child, logFile }) => ({
      name: service.name, port: service.port, url: `http://127.0.0.1:${service.port}`, pid: child.pid, logFile,
    })),
    stop,
  };
}
