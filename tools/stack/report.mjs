// What the launcher prints: the table of a started stack, and `status`.
import path from 'node:path';
import { isAlive } from './proc.mjs';
import { httpOk } from './services.mjs';
import { readState } from './state.mjs';

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

/** Prints where everything of a started stack is (stdout). */
export function printSummary({ services, brokers, databaseUrl, adminUrl, dir }) {
  const lines = [''];
  if (services.length) {
    lines.push(table([
      ['service', 'url', 'api docs', 'log'],
      ...services.map((service) => [service.name, service.url, `${service.url}/docs`, service.logFile]),
    ]), '');
  }
  lines.push(table([
    ['KAFKA_BROKERS', brokers],
    ['DATABASE_URL', databaseUrl],
    ['admin database', adminUrl],
    ['logs', path.join(dir, 'logs')],
    ['stack dir', dir],
  ]), '', 'Ctrl-C stops everything (or `npm stop` from another terminal).', '');
  process.stdout.write(lines.join('\n'));
}

/** Prints the state file of `dir` with a live check of every process and service. */
export async function printStatus(dir) {
  const state = readState(dir);
  if (!state) {
    process.stdout.write(`not running (no state file in ${dir})\n`);
    return;
  }
  const alive = (pid) => (isAlive(pid) ? 'running' : 'gone');
  const rows = [['what', 'pid', 'state', 'where']];
  rows.push([`launcher (${state.command})`, state.pid, alive(state.pid), dir]);
  if (state.kafka) rows.push(['kafka', state.kafka.pid, alive(state.kafka.pid), state.brokers]);
  if (state.postgres) rows.push(['postgres', state.postgres.pid, alive(state.postgres.pid), state.postgres.dataDir]);
  for (const service of state.services ?? []) {
    const ready = await httpOk(`${service.url}/health/ready`);
    rows.push([service.name, service.pid, isAlive(service.pid) ? (ready ? 'ready' : 'not ready') : 'gone', service.url]);
  }
  process.stdout.write(`${table(rows)}\n`);
}
