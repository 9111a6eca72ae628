import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PersistenceError } from '../persistence.error.js';

const TEST_PREFIX = 'dhi_test_';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The database name in a postgres:// URL. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Throws unless the database name says it is a test db (starts with `dhi_test_`). */
export function assertTestDatabaseUrl(url: string): void {
  let name: string;
  try {
    name = databaseNameOf(url);
  } catch {
    throw new PersistenceError('NOT_A_TEST_DATABASE', 'refusing to use a database URL that does not parse');
  }
  assertTestDatabaseName(name);
}

function assertTestDatabaseName(name: string): void {
  if (!name.startsWith(TEST_PREFIX) || !/^[a-z0-9_]{1,63}$/.test(name)) {
    throw new PersistenceError(
      'NOT_A_TEST_DATABASE',
      `refusing to use database "${name}": test databases are named ${TEST_PREFIX}<lower-case letters, digits, _>`,
    );
  }
}

/** Creates `dhi_test_<prefix>_<random>` on the server of adminUrl; drop() removes it (closing its connections). */
export async function createTestDatabase(adminUrl: string, prefix?: string): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  const name = prefix === undefined ? `${TEST_PREFIX}${suffix}` : `${TEST_PREFIX}${prefix}_${suffix}`;
  assertTestDatabaseName(name);
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdmin(adminUrl: string, run: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await run(admin);
  } finally {
    await admin.end();
  }
}
