import { setTimeout as sleep } from 'node:timers/promises';
import { type Envelope } from '@dhi/contracts';
import { type EachMessagePayload } from 'kafkajs';
import { type DeadLetterWriter } from './dead-letter-writer.js';
import { type EventContext } from './event-context.js';
import { headerText } from './event-headers.js';
import { type EventValidator } from './event-validator.js';
import { describeError, isPoisonMessageError } from './messaging-error.js';
import { type MessagingLogger } from './messaging-logger.js';
import { backoffDelay, type RetryPolicy } from './retry-policy.js';

/** Calls the application's handler for one valid event; rejects when the handler failed. */
export type EventInvoker = (topic: string, envelope: Envelope, ctx: EventContext) => Promise<void>;

// Must stay well below the 30 s session timeout; the consumer's own heartbeat interval is 3 s.
const HEARTBEAT_EVERY_MS = 3000;

/** Thrown out of eachMessage when shutdown interrupts a retry wait, so the offset is not committed. */
export class RetryInterruptedError extends Error {
  constructor() {
    super('retry interrupted by shutdown; the message will be delivered again');
    this.name = 'RetryInterruptedError';
  }
}

type Decoded = { ok: true; value: unknown } | { ok: false; error: string };

function decode(value: Buffer | null): Decoded {
  if (value === null || value.length === 0) return { ok: false, error: 'not JSON: empty message' };
  try {
    return { ok: true, value: JSON.parse(value.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON: ${describeError(error)}` };
  }
}

/**
 * Decodes, validates and handles one Kafka message, retrying failures with backoff. It resolves only once the message
 * is handled or safely in the dead-letter topic; kafkajs then commits its offset (at-least-once). It rejects when the
 * dead-letter write fails or shutdown interrupts a retry, and the message is delivered again.
 */
export class MessageProcessor {
  constructor(
    private readonly deps: {
      groupId: string;
      retry: RetryPolicy;
      validate: EventValidator;
      invoke: EventInvoker;
      deadLetter: Pick<DeadLetterWriter, 'write'>;
      logger: MessagingLogger;
      signal: AbortSignal;
    },
  ) {}

  async process(payload: EachMessagePayload): Promise<void> {
    const { topic, message } = payload;
    const decoded = decode(message.value);
    if (!decoded.ok) return this.deps.deadLetter.write(payload, decoded.error, 0);
    const valid = this.deps.validate(topic, decoded.value);
    if (!valid.ok) return this.deps.deadLetter.write(payload, valid.error, 0);
    return this.handle(payload, valid.value);
  }

  private async handle(payload: EachMessagePayload, envelope: Envelope): Promise<void> {
    const { topic, partition, message, heartbeat } = payload;
    const { retry, logger, groupId } = this.deps;
    for (let attempt = 1; ; attempt++) {
      const ctx: EventContext = { topic, partition, offset: message.offset, attempt, groupId, heartbeat };
      try {
        await this.deps.invoke(topic, envelope, ctx);
        return;
      } catch (error) {
        const reason = describeError(error);
        if (isPoisonMessageError(error)) return this.deps.deadLetter.write(payload, reason, attempt);
        if (attempt >= retry.attempts) {
          return this.deps.deadLetter.write(payload, `handler failed after ${attempt} attempts: ${reason}`, attempt);
        }
        const delayMs = backoffDelay(attempt, retry);
        logger.warn(
          {
            buildId: envelope.subject,
            correlationid: headerText(message.headers, 'correlationid') ?? envelope.correlationid,
            topic,
            partition,
            offset: message.offset,
            attempt,
            delayMs,
            error: reason,
          },
          'event handler failed; retrying',
        );
        await this.pause(delayMs, heartbeat);
      }
    }
  }

  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (this.deps.signal.aborted) throw new RetryInterruptedError();
      const left = deadline - Date.now();
      if (left <= 0) return;
      try {
        await sleep(Math.min(left, HEARTBEAT_EVERY_MS), undefined, { signal: this.deps.signal });
      } catch {
        throw new RetryInterruptedError();
      }
      await heartbeat();
    }
  }
}
