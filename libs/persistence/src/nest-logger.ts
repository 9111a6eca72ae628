import { Logger } from '@nestjs/common';
import { type PersistenceLogger } from './persistence-logger.js';

/** A PersistenceLogger writing through Nest's Logger (and so through the app's logger, e.g. nestjs-pino). */
export function nestPersistenceLogger(context: string): PersistenceLogger {
  const logger = new Logger(context);
  return {
    info: (obj, msg) => logger.log({ ...obj, msg }),
    warn: (obj, msg) => logger.warn({ ...obj, msg }),
    error: (obj, msg) => logger.error({ ...obj, msg }),
  };
}
