import { CompressionTypes, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import { createKafka, type KafkaSettings, physicalTopic } from './kafka-settings.js';
import { describeError, MessagingError } from './messaging-error.js';
import { type MessagingLogger } from './messaging-logger.js';

/**
 * One idempotent kafkajs producer (acks from all in-sync replicas), connected on first use. Internal: the public
 * EventPublisher and the transport's dead-letter writer both sit on it.
 */
export class KafkaProducer {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly logger: MessagingLogger,
  ) {
    this.kafka = createKafka(settings, logger);
  }

  async connect(): Promise<void> {
    await this.ready();
  }

  async disconnect(): Promise<void> {
    const pending = this.connecting;
    this.connecting = null;
    this.producer = null;
    const producer = await pending?.catch(() => null);
    await producer?.disconnect();
  }

  /** Sends messages per (logical) topic and resolves once the broker acknowledged all of them. */
  async send(batches: { topic: string; messages: Message[] }[]): Promise<void> {
    const producer = await this.ready();
    try {
      const topicMessages = batches.map((b) => ({ topic: physicalTopic(this.settings, b.topic), messages: b.messages }));
      // JSON events compress about tenfold: a scan with a thousand findings stays far below the broker's 1 MB limit
      await producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.GZIP });
    } catch (error) {
      const topics = [...new Set(batches.map((b) => b.topic))].join(', ');
      throw new MessagingError('PUBLISH_FAILED', `could not publish to ${topics}: ${describeError(error)}`, {
        cause: error,
      });
    }
  }

  private ready(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = null;
      throw new MessagingError('NOT_CONNECTED', `could not connect to Kafka: ${describeError(error)}`, { cause: error });
    });
    return this.connecting;
  }

  private async open(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Explicit choice (murmur2 like the Java client): the same key always lands on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    this.logger.debug?.({}, 'kafka producer connected');
    return producer;
  }
}
