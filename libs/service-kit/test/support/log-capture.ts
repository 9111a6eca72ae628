import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/index.js';

/** A kit logger whose JSON lines are kept in memory, so tests can assert on them. */
export function captureLogger(service: string): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger(service, 'debug', stream), lines };
}
