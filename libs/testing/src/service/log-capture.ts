import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@dhi/service-kit';

/** One JSON log line as the service wrote it. */
export type LogLine = Record<string, unknown>;

/** A kit logger whose JSON lines are kept in memory, so tests stay quiet and can assert on what was logged. */
export function captureLogger(service: string): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger(service, 'debug', stream), lines };
}
