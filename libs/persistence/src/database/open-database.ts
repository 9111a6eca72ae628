import { DataSource } from 'typeorm';
import { LOCK_CLASS } from './advisory-locks.js';
import { createDataSourceOptions, type ServiceDatabaseOptions } from './database-options.js';

/** Initialises a DataSource and runs pending migrations under a Postgres advisory lock (safe with parallel starts). */
export async function openDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource(createDataSourceOptions(options));
  await dataSource.initialize();
  try {
    await migrateUnderLock(dataSource, options.schema);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Runs pending migrations and exits — body of every service's `migrate.ts`. */
export async function runMigrations(options: ServiceDatabaseOptions): Promise<string[]> {
  const dataSource = new DataSource(createDataSourceOptions(options));
  await dataSource.initialize();
  try {
    return await migrateUnderLock(dataSource, options.schema);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Holds a session advisory lock on one connection while TypeORM migrates on another, so replicas starting
 * together apply each migration once; the losers wait, then find nothing pending.
 */
async function migrateUnderLock(dataSource: DataSource, schema: string): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS.migrations, schema]);
    try {
      // TypeORM creates its migrations table in the schema before the first migration runs
      await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS.migrations, schema]);
    }
  } finally {
    await lock.release();
  }
}
