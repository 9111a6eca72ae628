import { BASE_MIGRATION_NAME, createTestDatabase, type TestDatabase } from '@dhi/persistence';
import { runMigrationsCli } from '../src/index.js';
import { integrationEnv } from './support/env.js';
import { captureLogger } from './support/log-capture.js';
import { testDatabase } from './support/test-app.module.js';

describe('runMigrationsCli against real Postgres', () => {
  let db: TestDatabase;
  let exitCodes: (string | number | null | undefined)[];

  beforeAll(async () => {
    db = await createTestDatabase(integrationEnv().databaseUrl, 'kitmig');
  });

  afterAll(async () => {
    await db?.drop();
  });

  beforeEach(() => {
    exitCodes = [];
    // the CLI ends the process; here it only records the code
    jest.spyOn(process, 'exit').mockImplementation((code) => {
      exitCodes.push(code);
      return undefined as never;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('applies pending migrations, logs them as JSON and exits 0; a second run finds nothing to do', async () => {
    const first = captureLogger('kit-migrate');
    await runMigrationsCli({ ...testDatabase(db.url), service: 'kit-migrate', logger: first.logger });
    expect(exitCodes).toEqual([0]);
    expect(first.lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'kit-migrate', msg: 'migrations applied', applied: [BASE_MIGRATION_NAME] }),
    ]);

    const second = captureLogger('kit-migrate');
    await runMigrationsCli({ ...testDatabase(db.url), service: 'kit-migrate', logger: second.logger });
    expect(exitCodes).toEqual([0, 0]);
    expect(second.lines).toEqual([expect.objectContaining({ msg: 'no pending migrations', applied: [] })]);
  });

  it('logs one fatal line and exits 1 when the database cannot be reached', async () => {
    const logs = captureLogger('kit-migrate');
    const unreachable = 'postgres://postgres@127.0.0.1:1/dhi_test_unreachable';
    await runMigrationsCli({ ...testDatabase(unreachable), service: 'kit-migrate', logger: logs.logger });
    expect(exitCodes).toEqual([1]);
    expect(logs.lines).toEqual([expect.objectContaining({ level: 'fatal', msg: 'migrations failed', schema: 'kit_test' })]);
  });
});
