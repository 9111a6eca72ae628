import { Writable } from 'node:stream';
import { createLogger } from './create-logger.js';
import { requestContext, withEventContext } from './request-context.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('createLogger', () => {
  it('writes JSON lines with service, level label, ISO time and msg', () => {
    const { stream, lines } = capture();
    createLogger('scanner', 'info', stream).info({ findings: 3 }, 'scan done');
    const [line] = lines();
    expect(line).toMatchObject({ service: 'scanner', level: 'info', msg: 'scan done', findings: 3 });
    expect(new Date(String(line?.['time'])).toISOString()).toBe(line?.['time']);
    expect(line).not.toHaveProperty('buildId');
  });

  it('adds buildId, correlationId and traceparent inside requestContext, nested runs merge', () => {
    const { stream, lines } = capture();
    const logger = createLogger('build', 'info', stream);
    requestContext.run({ correlationId: 'corr-1', traceparent: TRACEPARENT }, () => {
      logger.info('outer');
      requestContext.run({ buildId: 'b-42' }, () => logger.warn('inner'));
    });
    logger.info('outside');
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'outer', correlationId: 'corr-1', traceparent: TRACEPARENT }),
      expect.objectContaining({ msg: 'inner', level: 'warn', buildId: 'b-42', correlationId: 'corr-1' }),
      expect.not.objectContaining({ correlationId: expect.anything() }),
    ]);
  });

  it('keeps the context across awaits and takes it from an event envelope', async () => {
    const { stream, lines } = capture();
    const logger = createLogger('review', 'info', stream);
    const envelope = { subject: 'build-7', correlationid: 'corr-7', traceparent: TRACEPARENT };
    await withEventContext(envelope, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('handled');
    });
    expect(lines()[0]).toMatchObject({ msg: 'handled', buildId: 'build-7', correlationId: 'corr-7', traceparent: TRACEPARENT });
  });

  it('respects the level and serializes errors', () => {
    const { stream, lines } = capture();
    const logger = createLogger('anomaly-detector', 'warn', stream);
    logger.info('dropped');
    logger.error({ err: new Error('boom') }, 'failed');
    const all = lines();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ level: 'error', err: { type: 'Error', message: 'boom' } });
  });
});
