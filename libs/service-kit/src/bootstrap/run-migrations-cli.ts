import { runMigrations, type ServiceDatabaseOptions } from '@dhi/persistence';
import { createLogger, type Logger } from '../logging/create-logger.js';

/** Entry point of each service's migrate.ts: runs migrations, logs JSON, exits 0/1. */
export async function runMigrationsCli(
  options: Omit<ServiceDatabaseOptions, 'logger'> & { service: string; logLevel?: string; logger?: Logger },
): Promise<void> {
  const { service, logLevel, logger: given, ...database } = options;
  const logger = given ?? createLogger(service, logLevel ?? 'info');
  try {
    // A pino logger has the info/warn/error methods the persistence layer logs through.
    const applied = await runMigrations({ ...database, logger });
    logger.info({ schema: database.schema, applied }, applied.length > 0 ? 'migrations applied' : 'no pending migrations');
    process.exit(0);
  } catch (error) {
    logger.fatal({ err: error, schema: database.schema }, 'migrations failed');
    process.exit(1);
  }
}
