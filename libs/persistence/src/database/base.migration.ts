import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { assertSchemaName, qualified } from './schema-name.js';

/** The migration name (TypeORM reads the timestamp from its last 13 digits); early so it sorts first. */
export const BASE_MIGRATION_NAME = 'PersistenceBase1000000000000';

const BASE_SCHEMA = Symbol.for('dhi.persistence.baseMigrationSchema');

/** The first migration of every service: CREATE SCHEMA, outbox and processed_events tables (+ indexes). */
export function createBaseMigration(schema: string): new () => MigrationInterface {
  assertSchemaName(schema);
  const outbox = qualified(schema, 'outbox');
  const processed = qualified(schema, 'processed_events');

  class PersistenceBaseMigration implements MigrationInterface {
    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await runner.query(`CREATE TABLE ${outbox} (
        seq bigserial PRIMARY KEY,
        id text NOT NULL CONSTRAINT outbox_id_key UNIQUE,
        topic text NOT NULL,
        key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
      // the relay scans only unpublished rows, retention only published ones
      await runner.query(`CREATE INDEX outbox_unpublished_idx ON ${outbox} (seq) WHERE published_at IS NULL`);
      await runner.query(`CREATE INDEX outbox_published_at_idx ON ${outbox} (published_at) WHERE published_at IS NOT NULL`);
      await runner.query(`CREATE TABLE ${processed} (
        consumer text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
      await runner.query(`CREATE INDEX processed_events_processed_at_idx ON ${processed} (processed_at)`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${processed}`);
      await runner.query(`DROP TABLE ${outbox}`);
    }
  }
  Object.defineProperty(PersistenceBaseMigration, 'name', { value: BASE_MIGRATION_NAME });
  Object.defineProperty(PersistenceBaseMigration, BASE_SCHEMA, { value: schema });
  return PersistenceBaseMigration;
}

/** The schema a migration class was created for by createBaseMigration, if it is one. */
export function baseMigrationSchema(migration: unknown): string | undefined {
  if (typeof migration !== 'function') return undefined;
  const schema: unknown = (migration as unknown as Record<symbol, unknown>)[BASE_SCHEMA];
  return typeof schema === 'string' ? schema : undefined;
}
