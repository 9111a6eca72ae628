import { type Envelope } from '@dhi/contracts';
import { type PersistenceLogger } from '../persistence-logger.js';

/** Where the relay publishes; EventPublisher from libs/messaging satisfies it. */
export interface EventSink {
  publish(topic: string, envelope: Envelope): Promise<void>;
}

export interface OutboxRelayOptions {
  /** Poll interval when idle, ms; default 100. */
  intervalMs?: number;
  /** Rows per pass; default 100. */
  batchSize?: number;
  logger?: PersistenceLogger;
  /** Published rows older than this are deleted; default 168 (7 days). */
  retentionHours?: number;
  /** First retry delay of a key whose event failed to publish, ms; doubles per failure; default 1000. */
  retryBaseMs?: number;
  /** Cap for every retry delay, ms; default 30000. */
  maxBackoffMs?: number;
}
