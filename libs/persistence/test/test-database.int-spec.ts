import { Client } from 'pg';
import { assertTestDatabaseUrl, createTestDatabase } from '../src/index.js';
import { adminDatabaseUrl } from './support/env.js';

describe('test databases', () => {
  async function exists(name: string): Promise<boolean> {
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      return result.rowCount === 1;
    } finally {
      await admin.end();
    }
  }

  it('creates a dhi_test_ database that can be used, then drops it even with open connections', async () => {
    const db = await createTestDatabase(adminDatabaseUrl(), 'persistence');
    expect(db.name).toMatch(/^dhi_test_persistence_[0-9a-f]{12}$/);
    expect(() => assertTestDatabaseUrl(db.url)).not.toThrow();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    client.on('error', () => undefined); // the forced drop terminates this connection
    expect((await client.query('SELECT current_database() AS name')).rows[0].name).toBe(db.name);
    await db.drop();
    expect(await exists(db.name)).toBe(false);
    await client.end().catch(() => undefined);
  });

  it('refuses names that are not test databases', async () => {
    expect(() => assertTestDatabaseUrl(adminDatabaseUrl())).toThrow(expect.objectContaining({ code: 'NOT_A_TEST_DATABASE' }));
    expect(() => assertTestDatabaseUrl('postgres://u@h/scanner')).toThrow(/refusing/);
    await expect(createTestDatabase(adminDatabaseUrl(), 'Bad"; DROP')).rejects.toMatchObject({ code: 'NOT_A_TEST_DATABASE' });
    await expect(createTestDatabase(adminDatabaseUrl(), 'x'.repeat(60))).rejects.toMatchObject({ code: 'NOT_A_TEST_DATABASE' });
  });
});
