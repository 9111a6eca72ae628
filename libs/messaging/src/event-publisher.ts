import { type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Envelope } from '@dhi/contracts';
import { type Message } from 'kafkajs';
import { eventHeaders } from './event-headers.js';
import { KafkaProducer } from './kafka-producer.js';
import { type KafkaSettings } from './kafka-settings.js';
import { type MessagingLogger, nestMessagingLogger } from './messaging-logger.js';

/** A raw Kafka record, for tests and tools that must write bytes that are not a valid event. */
export interface RawMessage {
  key: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

function toMessage(envelope: Envelope): Message {
  // The key is the build id, so every event of one build stays ordered on one partition (DESIGN §3).
  return { key: envelope.subject, value: JSON.stringify(envelope), headers: eventHeaders(envelope) };
}

/**
 * Publishes CloudEvents envelopes and awaits the broker's acknowledgement (never fire-and-forget). As a Nest provider
 * it connects on module init and disconnects on application shutdown, after the transports drained their work.
 */
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: KafkaProducer;

  constructor(settings: KafkaSettings, logger: MessagingLogger = nestMessagingLogger('EventPublisher')) {
    this.producer = new KafkaProducer(settings, logger);
  }

  /** Connects now; publishing also connects on first use. */
  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Publishes one event keyed by its subject (the build id), with correlation and CloudEvents headers. */
  publish(topic: string, envelope: Envelope): Promise<void> {
    return this.producer.send([{ topic, messages: [toMessage(envelope)] }]);
  }

  /** Publishes several events in one request; per topic and key, they keep the order given. */
  async publishBatch(items: { topic: string; envelope: Envelope }[]): Promise<void> {
    if (items.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const { topic, envelope } of items) {
      const messages = byTopic.get(topic) ?? [];
      messages.push(toMessage(envelope));
      byTopic.set(topic, messages);
    }
    await this.producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }

  /** Publishes a record as given, without any validation. */
  publishRaw(topic: string, message: RawMessage): Promise<void> {
    return this.producer.send([{ topic, messages: [{ key: message.key, value: message.value, headers: message.headers }] }]);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  // Not onModuleDestroy: Nest runs destroy hooks before it closes the microservices, whose in-flight handlers may
  // still publish; shutdown hooks run after them.
  async onApplicationShutdown(): Promise<void> {
    await this.disconnect();
  }
}
