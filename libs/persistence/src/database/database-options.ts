import { type DataSourceOptions } from 'typeorm';
import { ProcessedEvent } from '../idempotency/processed-event.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { type PersistenceLogger, silentLogger, typeOrmLogger } from '../persistence-logger.js';
import { PersistenceError } from '../persistence.error.js';
import { baseMigrationSchema } from './base.migration.js';
import { assertSchemaName } from './schema-name.js';

export interface ServiceDatabaseOptions {
  /** DATABASE_URL */
  url: string;
  /** The service's own schema, e.g. `scanner` (see serviceSchemaName). */
  schema: string;
  /** The service's entities; OutboxMessage and ProcessedEvent are added here. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities: Function[];
  /** The service's migration classes; the first must be createBaseMigration(schema). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations: Function[];
  /** Connection pool size; default 10, at least 2 (migrations hold a lock on one connection). */
  poolSize?: number;
  /** Receives migration progress, slow queries and TypeORM warnings; silent when absent. */
  logger?: PersistenceLogger;
}

export const DEFAULT_POOL_SIZE = 10;
const SLOW_QUERY_MS = 2000;

/** Checks the options and throws a PersistenceError naming what is wrong. */
export function validateServiceDatabaseOptions(options: ServiceDatabaseOptions): void {
  assertSchemaName(options.schema);
  if (!options.url) throw new PersistenceError('INVALID_OPTIONS', 'database url is empty (is DATABASE_URL set?)');
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 2) {
    throw new PersistenceError('INVALID_OPTIONS', `poolSize must be an integer >= 2, got ${poolSize}`);
  }
  const baseSchema = baseMigrationSchema(options.migrations[0]);
  if (baseSchema !== options.schema) {
    throw new PersistenceError(
      'MISSING_BASE_MIGRATION',
      `the first migration of schema "${options.schema}" must be createBaseMigration('${options.schema}')` +
        (baseSchema ? ` (got one for "${baseSchema}")` : ''),
    );
  }
}

/** TypeORM options for a service: its schema, its migrations table, synchronize off, migrationsRun off. */
export function createDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  validateServiceDatabaseOptions(options);
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    applicationName: `dhi-${options.schema}`,
    entities: [...options.entities, OutboxMessage, ProcessedEvent],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    // 'each' lets a migration opt out of its transaction (e.g. CREATE INDEX CONCURRENTLY)
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
    logger: typeOrmLogger(options.logger ?? silentLogger),
    maxQueryExecutionTime: SLOW_QUERY_MS,
    // gen_random_uuid() is built into Postgres >= 13; installing extensions at connect needs rights and races
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // unqualified SQL in a service's migrations and queries lands in its own schema, never in public
    extra: { options: `-c search_path=${options.schema}` },
  };
}
