import { type Logger as TypeOrmLogger } from 'typeorm';

/** The structured logger persistence reports to (pino-shaped: object first, then message). */
export interface PersistenceLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: PersistenceLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The message of a thrown value, for logs and last_error. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Routes TypeORM's own messages to the service logger instead of the console. Per-query logs and query errors
 * are dropped: the error reaches the caller, who decides whether it is worth logging (a unique violation often is not).
 */
export function typeOrmLogger(logger: PersistenceLogger): TypeOrmLogger {
  return {
    logQuery: () => undefined,
    logQueryError: () => undefined,
    logQuerySlow: (timeMs, query) => logger.warn({ timeMs, query: query.slice(0, 500) }, 'slow query'),
    logSchemaBuild: () => undefined,
    logMigration: (message) => logger.info({ component: 'migrations' }, message),
    log: (level, message) => {
      if (level === 'warn') logger.warn({ component: 'typeorm' }, String(message));
    },
  };
}
