// PostgreSQL for the local stack: a private cluster of Debian's packaged server, owned by the launcher.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { blockedAncestors, isRoot } from './paths.mjs';
import { defaultLog, pollUntil, run, tailFile } from './proc.mjs';

const PG_ROOT = '/usr/lib/postgresql';

/** The bin dir of the newest installed Debian PostgreSQL server (DHI_PG_BIN_DIR overrides), or null. */
export function findPostgresBin() {
  if (process.env.DHI_PG_BIN_DIR) return process.env.DHI_PG_BIN_DIR;
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((version) => existsSync(path.join(PG_ROOT, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : null;
}

function postgresUser() {
  const ids = ['-u', '-g'].map((flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  if (ids.some((result) => result.status !== 0)) {
    throw new Error('running as root needs the `postgres` OS user, which Debian\'s postgresql package creates: '
      + 'apt-get install postgresql');
  }
  return { uid: Number(ids[0].stdout), gid: Number(ids[1].stdout) };
}

// initdb and postgres refuse to run as root, so as root every server command runs as the postgres OS user.
function pgCommand(bin, tool, args) {
  const command = path.join(bin, tool);
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function prepareDir(dir) {
  if (isRoot) {
    const blocked = blockedAncestors(path.dirname(path.resolve(dir)));
    if (blocked.length) {
      throw new Error(`the postgres OS user cannot reach ${dir} (not traversable: ${blocked.join(', ')}); `
        + 'set DHI_STACK_DIR to a folder under /tmp');
    }
  }
  mkdirSync(dir, { recursive: true });
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
}

/**
 * Starts (initialising on first use) a private cluster in `dir` listening on 127.0.0.1:port with trust auth
 * for the `postgres` role; the socket, data and postgres.log stay inside `dir`.
 */
export async function startPostgres({ dir, port, log = defaultLog, timeoutMs = 60_000, signal }) {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(`no PostgreSQL server found under ${PG_ROOT}: install Debian's server with apt-get install postgresql`);
  }
  dir = path.resolve(dir);
  prepareDir(dir);
  const data = path.join(dir, 'data');
  const exec = (tool, args, options = { signal }) => run(...pgCommand(bin, tool, args), { cwd: '/', timeoutMs, ...options });

  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    log(`initialising a PostgreSQL cluster in ${data} (${bin})`);
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  }
  const logFile = path.join(dir, 'postgres.log');
  const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1`;
  log(`starting PostgreSQL on 127.0.0.1:${port}, log ${logFile}`);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (existsSync(path.join(data, 'postmaster.pid'))) await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], {});
  };
  try {
    await exec('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', String(timeoutMs / 1000), 'start']);
    await pollUntil(() => query(url, 'select 1'), { timeoutMs, what: `PostgreSQL on port ${port}`, signal });
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(`PostgreSQL did not start: ${error.message}\n--- ${logFile} (tail) ---\n${tailFile(logFile, 30)}`);
  }
  const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, pid, dataDir: data, stop };
}

/** Stops the cluster whose data dir is given (used by `stop` from another terminal). */
export async function stopPostgresDataDir(dataDir) {
  const bin = findPostgresBin();
  if (!bin || !existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  await run(...pgCommand(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']), { cwd: '/' });
}

async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates database `name` on the server of `adminUrl` unless it exists; resolves to its URL. */
export async function ensureDatabase(adminUrl, name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name "${name}"`);
  const rows = await query(adminUrl, 'select 1 from pg_database where datname = $1', [name]);
  if (rows.length === 0) await query(adminUrl, `create database "${name}"`);
  return databaseUrl(adminUrl, name);
}
