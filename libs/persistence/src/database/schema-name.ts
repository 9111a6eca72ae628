import { PersistenceError } from '../persistence.error.js';

// Postgres identifiers longer than 63 bytes are silently truncated, which would let two services share a schema.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema a service owns: its name with `-` replaced by `_` (e.g. `anomaly-detector` → `anomaly_detector`). */
export function serviceSchemaName(service: string): string {
  const schema = service.replace(/-/g, '_');
  assertSchemaName(schema);
  return schema;
}

/** Throws unless the name is a plain lower-case Postgres identifier (so it can be interpolated into SQL safely). */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw new PersistenceError(
      'INVALID_SCHEMA_NAME',
      `schema name "${schema}" must be lower-case letters, digits and underscores (max 63, not pg_*)`,
    );
  }
}

/** The double-quoted, schema-qualified name of a table in a validated schema. */
export function qualified(schema: string, table: string): string {
  return `"${schema}"."${table}"`;
}

/** The validated schema a DataSource was opened for (createDataSourceOptions sets it). */
export function schemaOf(dataSource: { options: object }): string {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  assertSchemaName(schema);
  return schema;
}
