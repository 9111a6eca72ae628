import { assertSchemaName } from '@dhi/persistence';
import { type QueryRunner } from 'typeorm';

// Migrations that ran must keep meaning the same: this SQL never changes. A later change of the table is a new
// helper (e.g. addSignalWeights) called by a new migration of each service.

/** Creates `<schema>.models` and its newest-first index; call it from a service's own migration. */
export async function createModelsTable(runner: QueryRunner, schema: string): Promise<void> {
  assertSchemaName(schema);
  await runner.query(`CREATE TABLE "${schema}"."models" (
      version text PRIMARY KEY,
      published_at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
  await runner.query(`CREATE INDEX models_published_at_idx ON "${schema}"."models" (published_at DESC, version DESC)`);
}

/** Drops `<schema>.models` (the down of createModelsTable). */
export async function dropModelsTable(runner: QueryRunner, schema: string): Promise<void> {
  assertSchemaName(schema);
  await runner.query(`DROP TABLE "${schema}"."models"`);
}
