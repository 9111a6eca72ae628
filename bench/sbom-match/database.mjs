// The bench's advisory database: a fresh database with the scanner's own schema and migrations, on a private PostgreSQL
// started for the run (or on the server of DATABASE_URL), dropped at the end.
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, freePort, startPostgres } from '../../tools/stack/index.mjs';
import { dist } from '../support/dist.mjs';

// one per process, so two benches on one server never share a database
const DATABASE = `dhi_bench_sbom_match_${process.pid}`;

async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dropDatabase = (adminUrl) => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);

/**
 * Slow-query and TypeORM warnings go to stderr: a slow query is worth seeing next to the figures. Each query is shown
 * once with its time, later ones only as a count, so repeated rounds do not bury the progress lines.
 */
export function stderrLogger(log) {
  const seen = new Map();
  const line = (obj, msg) => {
    const key = `${msg} ${obj.query ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key) === 1) log(`${msg} ${JSON.stringify(obj).slice(0, 300)} (repeats are not shown)`);
  };
  return { info: () => undefined, warn: line, error: line };
}

async function serverUrl(dir, teardown, log) {
  if (process.env.DATABASE_URL) {
    log('using the PostgreSQL server of DATABASE_URL');
    return process.env.DATABASE_URL;
  }
  // only PostgreSQL: startInfra would start Kafka too, which nothing here uses
  const postgres = await startPostgres({ dir: path.join(dir, 'postgres'), port: await freePort(), log });
  teardown.add('PostgreSQL', postgres.stop);
  return postgres.url;
}

/** Opens a fresh, migrated scanner database; its removal (and the server's stop) is registered in `teardown`. */
export async function openBenchDatabase(dir, teardown, log) {
  const adminUrl = await serverUrl(dir, teardown, log);
  await dropDatabase(adminUrl);
  const url = await ensureDatabase(adminUrl, DATABASE);
  teardown.add(`database ${DATABASE}`, () => dropDatabase(adminUrl));
  const dataSource = await openScannerDatabase(url, log);
  teardown.add('database connections', () => dataSource.destroy());
  return { url, dataSource };
}

/** The scanner's DataSource on `url`, migrated as the service's start-up migrates it. */
export async function openScannerDatabase(url, log, poolSize = 4) {
  const { openDatabase } = dist('persistence');
  const { databaseOptions } = dist('scannerConfig');
  return openDatabase({ ...databaseOptions({ DATABASE_URL: url }, stderrLogger(log)), poolSize });
}
