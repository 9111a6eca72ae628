import { Kafka, logLevel } from 'kafkajs';
import { MessagingError } from './messaging-error.js';
import { kafkaLogCreator, type MessagingLogger } from './messaging-logger.js';

/** Where the cluster is and how patiently to talk to it. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Per-connection timeout; default 3000 ms. */
  connectionTimeoutMs?: number;
  /** kafkajs retries of a failed request (exponential backoff from 300 ms); default 8, about a minute in total. */
  retries?: number;
  /**
   * Namespace on a shared cluster: every topic name the platform uses is prefixed with it on the wire (e.g.
   * `staging.` gives `staging.dhi.build.completed.v1`). Code always speaks the logical names of the contracts.
   */
  topicPrefix?: string;
}

/** The name on the wire of a logical topic. */
export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix ?? ''}${topic}`;
}

/** The logical topic of a name on the wire (the prefix removed). */
export function logicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  const prefix = settings.topicPrefix ?? '';
  return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
}

const TOPIC_PREFIX = /^[A-Za-z0-9._-]{0,100}$/;

/** Checks a topic prefix is usable in Kafka topic names. */
export function isValidTopicPrefix(prefix: string): boolean {
  return TOPIC_PREFIX.test(prefix);
}

const BROKER = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;

/** Parses "host:port,host:port". */
export function parseBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const invalid = brokers.filter((b) => !BROKER.test(b));
  if (brokers.length === 0 || invalid.length > 0) {
    throw new MessagingError(
      'INVALID_BROKERS',
      `expected a comma-separated list of host:port, got "${value}"` +
        (invalid.length > 0 ? ` (invalid: ${invalid.join(', ')})` : ''),
    );
  }
  return brokers;
}

/** One kafkajs client per publisher, transport or admin call; kafkajs stays behind this library. */
export function createKafka(settings: KafkaSettings, logger: MessagingLogger, overrides?: { retries?: number }): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: settings.connectionTimeoutMs ?? 3000,
    retry: { retries: overrides?.retries ?? settings.retries ?? 8, initialRetryTime: 300 },
    logLevel: logLevel.INFO,
    logCreator: kafkaLogCreator(logger),
  });
}
