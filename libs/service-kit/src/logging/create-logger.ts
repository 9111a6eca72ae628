import { pino, type DestinationStream, type Logger } from 'pino';
import { requestContext } from './request-context.js';

export { type Logger } from 'pino';

/**
 * The service's structured JSON logger (pino): every line has service, level, time, msg and, when known from the
 * current request or event, buildId, correlationId, traceparent. `destination` defaults to stdout (synchronous,
 * so a fatal line is written before the process exits).
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...requestContext.get() }),
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
