import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { type Envelope } from '@dhi/contracts';
import { type Consumer, type Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DeadLetterWriter } from './dead-letter-writer.js';
import { type EventContext } from './event-context.js';
import { type EventValidator, validateContractEvent } from './event-validator.js';
import { KafkaProducer } from './kafka-producer.js';
import { createKafka, type KafkaSettings, logicalTopic, physicalTopic } from './kafka-settings.js';
import { MessageProcessor } from './message-processor.js';
import { describeError, MessagingError } from './messaging-error.js';
import { type MessagingLogger, nestMessagingLogger } from './messaging-logger.js';
import { resolveRetryPolicy, type RetryPolicy } from './retry-policy.js';

/** `connected` means the group is joined and the first fetch happened, so positions are resolved. */
export type TransportStatus = 'connecting' | 'connected' | 'rebalancing' | 'crashed' | 'disconnected';

export interface KafkaEventTransportOptions {
  settings: KafkaSettings;
  groupId: string;
  retry?: Partial<RetryPolicy>;
  logger?: MessagingLogger;
  /** Where a group without committed offsets starts; default true, so a new group reads the topic's history. */
  fromBeginning?: boolean;
  /** Default: the contracts' schema of the topic (validateEvent); an unknown topic is invalid. */
  validate?: EventValidator;
  /** Partitions handled at the same time (order within a partition is always kept); default 1. */
  partitionsConsumedConcurrently?: number;
  /** How long close() waits for in-flight handlers; default 25 s, below Kubernetes' 30 s grace period. */
  shutdownTimeoutMs?: number;
}

/**
 * Nest transport consuming every topic that has an `@EventPattern` handler: each message is decoded, validated,
 * handed to its handler with retries and backoff, and otherwise copied to `<topic>.dlq`; its offset is committed only
 * after one of those (at-least-once). close() stops fetching and lets the in-flight handler finish and commit.
 */
export class KafkaEventTransport extends Server<Record<string, never>, TransportStatus> implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly kafka: Kafka;
  private readonly retry: RetryPolicy;
  private readonly log: MessagingLogger;
  private readonly dlqProducer: KafkaProducer;
  private consumer: Consumer | null = null;
  private abort = new AbortController();

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
    this.retry = resolveRetryPolicy(options.retry);
    this.log = options.logger ?? nestMessagingLogger(`KafkaEventTransport:${options.groupId}`);
    this.kafka = createKafka(options.settings, this.log);
    this.dlqProducer = new KafkaProducer(options.settings, this.log);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      this.log.error({ groupId: this.options.groupId, error: describeError(error) }, 'kafka consumer failed to start');
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    this.abort.abort();
    if (consumer) {
      const timeoutMs = this.options.shutdownTimeoutMs ?? 25_000;
      let timer: NodeJS.Timeout | undefined;
      const stopped = consumer.disconnect().then(
        () => true,
        (error: unknown) => {
          this.log.error({ groupId: this.options.groupId, error: describeError(error) }, 'kafka consumer stop failed');
          return true;
        },
      );
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const inTime = await Promise.race([stopped, timedOut]);
      clearTimeout(timer);
      if (!inTime) {
        this.log.warn({ groupId: this.options.groupId, timeoutMs }, 'in-flight handler did not finish; it will be redelivered');
      }
    }
    await this.dlqProducer.disconnect();
    this._status$.next('disconnected');
  }

  on(_event: string, _callback: unknown): never {
    throw new MessagingError('INVALID_PATTERN', 'KafkaEventTransport has no events to listen to; use its status');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new MessagingError('NOT_CONNECTED', 'KafkaEventTransport is not listening');
    return this.consumer as T;
  }

  private topics(): string[] {
    return [...this.messageHandlers.keys()].map((pattern) => {
      if (!/^[A-Za-z0-9._-]+$/.test(pattern)) {
        throw new MessagingError('INVALID_PATTERN', `event pattern "${pattern}" is not a Kafka topic name`);
      }
      return pattern;
    });
  }

  private async start(): Promise<void> {
    const topics = this.topics();
    const { groupId } = this.options;
    if (topics.length === 0) {
      this.log.warn({ groupId }, 'no @EventPattern handlers registered; nothing to consume');
      return;
    }
    this.abort = new AbortController();
    this._status$.next('connecting');
    const consumer = this.kafka.consumer({
      // Consumer groups are cluster-wide, so a namespace covers them as well as the topics.
      groupId: physicalTopic(this.options.settings, groupId),
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1_000,
    });
    this.watch(consumer);
    const processor = new MessageProcessor({
      groupId,
      retry: this.retry,
      validate: this.options.validate ?? validateContractEvent,
      invoke: (topic, envelope, ctx) => this.invoke(topic, envelope, ctx),
      deadLetter: new DeadLetterWriter(this.dlqProducer, groupId, this.log),
      logger: this.log,
      signal: this.abort.signal,
    });
    await this.dlqProducer.connect();
    await consumer.connect();
    this.consumer = consumer;
    const { settings } = this.options;
    await consumer.subscribe({ topics: topics.map((t) => physicalTopic(settings, t)), fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      // kafkajs resolves an offset only when eachMessage returned; a threshold of 1 commits it right away, and still
      // does while stop() drains the in-flight message (a manual commit would be skipped by then).
      autoCommit: true,
      autoCommitThreshold: 1,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      // Past this point everything (validation, handlers, the dead-letter writer) speaks logical topic names.
      eachMessage: (payload) => processor.process({ ...payload, topic: logicalTopic(settings, payload.topic) }),
    });
    this.log.info({ groupId, topics }, 'kafka consumer running');
  }

  private async invoke(topic: string, envelope: Envelope, ctx: EventContext): Promise<void> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new MessagingError('INVALID_PATTERN', `no handler for topic ${topic}`);
    const result: unknown = await handler(envelope, ctx);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private watch(consumer: Consumer): void {
    const { groupId } = this.options;
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    consumer.on(consumer.events.FETCH, () => {
      if (!joined) return;
      joined = false;
      this._status$.next('connected');
    });
    consumer.on(consumer.events.REBALANCING, () => this._status$.next('rebalancing'));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts the consumer itself after retriable failures (the broker was away); anything else stops it.
      this.log.error(
        { groupId, restart: payload.restart, error: describeError(payload.error) },
        payload.restart ? 'kafka consumer crashed; restarting' : 'kafka consumer crashed and stopped',
      );
      this._status$.next('crashed');
    });
  }
}
