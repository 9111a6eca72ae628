import { createEvent, TOPICS } from '@dhi/contracts';
import { type EachMessagePayload } from 'kafkajs';
import { type EventContext } from './event-context.js';
import { validateContractEvent } from './event-validator.js';
import { PoisonMessageError } from './messaging-error.js';
import { MessageProcessor, RetryInterruptedError } from './message-processor.js';

const buildId = '5d7f0f0e-8d1e-4a6b-9d8e-2b1a7c3e4f50';
const topic = TOPICS.buildFailed;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function payload(value: Buffer | null, heartbeat = async () => undefined): EachMessagePayload {
  return {
    topic,
    partition: 0,
    heartbeat,
    pause: () => () => undefined,
    message: { key: Buffer.from(buildId), value, offset: '7', timestamp: '0', attributes: 0, headers: {} },
  };
}

function validEvent(): Buffer {
  const event = createEvent(topic, buildId, { buildId, stage: 'build', reason: 'r', logRef: null }, { source: 'test' });
  return Buffer.from(JSON.stringify(event));
}

function setup(
  invoke: (ctx: EventContext) => Promise<void>,
  signal = new AbortController().signal,
  retry = { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
) {
  const dead: { reason: string; attempts: number }[] = [];
  const attempts: number[] = [];
  const processor = new MessageProcessor({
    groupId: 'g',
    retry,
    validate: validateContractEvent,
    invoke: async (_topic, _envelope, ctx) => {
      attempts.push(ctx.attempt);
      await invoke(ctx);
    },
    deadLetter: {
      write: async (_payload, reason, n) => {
        dead.push({ reason, attempts: n });
      },
    },
    logger: silent,
    signal,
  });
  return { processor, dead, attempts };
}

describe('MessageProcessor', () => {
  it('dead-letters a message that is not JSON without calling the handler', async () => {
    const { processor, dead, attempts } = setup(async () => undefined);
    await processor.process(payload(Buffer.from('{nope')));
    expect(dead).toEqual([{ reason: expect.stringMatching(/^not JSON: /), attempts: 0 }]);
    expect(attempts).toEqual([]);
  });

  it('dead-letters an empty message', async () => {
    const { processor, dead } = setup(async () => undefined);
    await processor.process(payload(null));
    expect(dead[0]?.reason).toBe('not JSON: empty message');
  });

  it('dead-letters an envelope that breaks the schema, with the reason', async () => {
    const { processor, dead } = setup(async () => undefined);
    await processor.process(payload(Buffer.from(JSON.stringify({ specversion: '1.0', id: 'x' }))));
    expect(dead[0]?.reason).toMatch(/^invalid envelope: /);
  });

  it('retries a failing handler until it succeeds', async () => {
    let calls = 0;
    const { processor, dead, attempts } = setup(async () => {
      if (++calls < 3) throw new Error('transient');
    });
    await processor.process(payload(validEvent()));
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead).toEqual([]);
  });

  it('dead-letters after the last attempt with the error text', async () => {
    const { processor, dead, attempts } = setup(async () => {
      throw new Error('database is gone');
    });
    await processor.process(payload(validEvent()));
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead).toEqual([{ reason: 'handler failed after 3 attempts: database is gone', attempts: 3 }]);
  });

  it('dead-letters a PoisonMessageError at once', async () => {
    const { processor, dead, attempts } = setup(async () => {
      throw new PoisonMessageError('image manifest is not an OCI manifest');
    });
    await processor.process(payload(validEvent()));
    expect(attempts).toEqual([1]);
    expect(dead).toEqual([{ reason: 'image manifest is not an OCI manifest', attempts: 1 }]);
  });

  it('stops retrying on shutdown and leaves the message uncommitted', async () => {
    const abort = new AbortController();
    const { processor, dead } = setup(async () => {
      abort.abort();
      throw new Error('transient');
    }, abort.signal);
    await expect(processor.process(payload(validEvent()))).rejects.toBeInstanceOf(RetryInterruptedError);
    expect(dead).toEqual([]);
  });

  it('heartbeats while it waits between attempts', async () => {
    let beats = 0;
    let calls = 0;
    // Long enough that the wait cannot be over before it starts (a 1 ms wait may already have elapsed).
    const { processor } = setup(
      async () => {
        if (++calls < 2) throw new Error('transient');
      },
      undefined,
      { attempts: 3, initialDelayMs: 30, maxDelayMs: 30 },
    );
    await processor.process(
      payload(validEvent(), async () => {
        beats++;
      }),
    );
    expect(beats).toBeGreaterThan(0);
  });
});
