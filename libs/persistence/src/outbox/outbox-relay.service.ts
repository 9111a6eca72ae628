import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nestPersistenceLogger } from '../nest-logger.js';
import { type EventSink, type OutboxRelayOptions } from './event-sink.js';
import { OutboxRelay } from './outbox.relay.js';

/** Injection token of the EventSink the relay publishes to (bind the Kafka publisher to it). */
export const OUTBOX_EVENT_SINK = Symbol.for('dhi.persistence.OUTBOX_EVENT_SINK');
/** Optional injection token for OutboxRelayOptions. */
export const OUTBOX_RELAY_OPTIONS = Symbol.for('dhi.persistence.OUTBOX_RELAY_OPTIONS');

/** Runs the service's OutboxRelay for the application's lifetime: starts on bootstrap, drains on shutdown. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(OUTBOX_EVENT_SINK) sink: EventSink,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) options?: OutboxRelayOptions,
  ) {
    this.relay = new OutboxRelay(dataSource, sink, {
      ...options,
      logger: options?.logger ?? nestPersistenceLogger('OutboxRelay'),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  // before shutdown, so the DataSource is still open while the last batch finishes
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  /** Wakes the relay now (call after committing a transaction that enqueued events). */
  kick(): void {
    this.relay.kick();
  }

  /** Number of unpublished rows. */
  pending(): Promise<number> {
    return this.relay.pending();
  }
}
