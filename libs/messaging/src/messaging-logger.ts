import { Logger } from '@nestjs/common';
import { type LogEntry, logLevel } from 'kafkajs';

/** Structured logger the library writes to; a pino logger fits as is. */
export interface MessagingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

/** A MessagingLogger over Nest's Logger, so lines follow whatever logger the application installed. */
export function nestMessagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    info: (obj, msg) => logger.log({ msg, ...obj }),
    warn: (obj, msg) => logger.warn({ msg, ...obj }),
    error: (obj, msg) => logger.error({ msg, ...obj }),
    debug: (obj, msg) => logger.debug({ msg, ...obj }),
  };
}

// Known, deliberate settings kafkajs warns about on every connect: bounded retries on the idempotent producer are
// chosen so a publish fails instead of hanging while the broker is away; consumers dedupe by event id anyway.
const EXPECTED_WARNINGS = [/^Limiting retries for the idempotent producer/];

/** Routes kafkajs' own log lines to a MessagingLogger; its info level is chatty, so it becomes debug. */
export function kafkaLogCreator(logger: MessagingLogger): () => (entry: LogEntry) => void {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      const fields = { kafkajs: namespace, ...extra };
      if (level === logLevel.ERROR || level === logLevel.NOTHING) logger.error(fields, message);
      else if (level === logLevel.WARN && !EXPECTED_WARNINGS.some((w) => w.test(message))) logger.warn(fields, message);
      else logger.debug?.(fields, message);
    };
}
