import { type DataSource } from 'typeorm';
import {
  BASE_MIGRATION_NAME,
  createBaseMigration,
  createTestDatabase,
  openDatabase,
  runMigrations,
  type TestDatabase,
} from '../src/index.js';
import { adminDatabaseUrl } from './support/env.js';
import { CreateWidgets1767225600000, serviceOptions, uniqueSchema } from './support/fixtures.js';

describe('migrations', () => {
  let db: TestDatabase;
  const open: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(adminDatabaseUrl(), 'persistence_migrations');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((ds) => ds.destroy()));
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function tablesOf(ds: DataSource, schema: string): Promise<string[]> {
    const rows: { table_name: string }[] = await ds.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return rows.map((r) => r.table_name);
  }

  it('creates the schema, its migrations table, outbox, processed_events and the service tables in that schema only', async () => {
    const schema = uniqueSchema('svc');
    const applied = await runMigrations(serviceOptions(db.url, schema));
    expect(applied).toEqual([BASE_MIGRATION_NAME, 'CreateWidgets1767225600000']);

    const ds = await openDatabase(serviceOptions(db.url, schema));
    open.push(ds);
    expect(await tablesOf(ds, schema)).toEqual(['migrations', 'outbox', 'processed_events', 'widgets']);
    expect(await tablesOf(ds, 'public')).toEqual([]);
    const indexes: { indexname: string }[] = await ds.query(
      'SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
      [schema],
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining(['outbox_id_key', 'outbox_unpublished_idx', 'outbox_published_at_idx', 'processed_events_pkey']),
    );
  });

  it('applies nothing the second time', async () => {
    const schema = uniqueSchema('svc');
    expect(await runMigrations(serviceOptions(db.url, schema))).toHaveLength(2);
    expect(await runMigrations(serviceOptions(db.url, schema))).toEqual([]);
  });

  it('lets two instances start in parallel on a fresh schema, applying each migration once', async () => {
    const schema = uniqueSchema('svc');
    const both = await Promise.all([openDatabase(serviceOptions(db.url, schema)), openDatabase(serviceOptions(db.url, schema))]);
    open.push(...both);
    const rows: { name: string }[] = await both[0].query(`SELECT name FROM "${schema}".migrations ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual([BASE_MIGRATION_NAME, 'CreateWidgets1767225600000']);
  });

  it('keeps two services in one database apart', async () => {
    const [a, b] = [uniqueSchema('a'), uniqueSchema('b')];
    await runMigrations(serviceOptions(db.url, a));
    const onlyBase = { ...serviceOptions(db.url, b), migrations: [createBaseMigration(b)] };
    expect(await runMigrations(onlyBase)).toEqual([BASE_MIGRATION_NAME]);
    const ds = await openDatabase(onlyBase);
    open.push(ds);
    expect(await tablesOf(ds, b)).toEqual(['migrations', 'outbox', 'processed_events']);
    expect(await tablesOf(ds, a)).toContain('widgets');
  });

  it('refuses a migration list that does not start with the base migration of its schema', async () => {
    const schema = uniqueSchema('svc');
    const missing = { ...serviceOptions(db.url, schema), migrations: [CreateWidgets1767225600000] };
    await expect(runMigrations(missing)).rejects.toMatchObject({ code: 'MISSING_BASE_MIGRATION' });
    const wrong = { ...serviceOptions(db.url, schema), migrations: [createBaseMigration('other')] };
    await expect(openDatabase(wrong)).rejects.toMatchObject({ code: 'MISSING_BASE_MIGRATION' });
  });

  it('rolls back a failing migration and leaves the earlier ones applied', async () => {
    const schema = uniqueSchema('svc');
    class Broken1767225700000 {
      async up(runner: { query(sql: string): Promise<unknown> }): Promise<void> {
        await runner.query('CREATE TABLE gadgets (id text)');
        await runner.query('SELECT * FROM no_such_table');
      }
      async down(): Promise<void> {}
    }
    const logged: string[] = [];
    const logger = { info: (_: object, msg: string) => logged.push(msg), warn: () => undefined, error: () => undefined };
    const healthy = serviceOptions(db.url, schema);
    const options = { ...healthy, logger, migrations: [...healthy.migrations, Broken1767225700000] };
    await expect(runMigrations(options)).rejects.toThrow(/no_such_table/);
    expect(logged).toContainEqual(expect.stringMatching(/Broken1767225700000.*no_such_table/));
    const ds = await openDatabase(serviceOptions(db.url, schema));
    open.push(ds);
    expect(await tablesOf(ds, schema)).toEqual(['migrations', 'outbox', 'processed_events', 'widgets']);
  });
});
