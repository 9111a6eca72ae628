import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { EventPublisher, MessagingModule, type KafkaSettings } from '@dhi/messaging';
import {
  OUTBOX_EVENT_SINK,
  OUTBOX_RELAY_OPTIONS,
  OutboxRelayService,
  PersistenceModule,
  type OutboxRelayOptions,
  type ServiceDatabaseOptions,
} from '@dhi/persistence';
import { type Logger } from 'pino';
import { HealthModule } from '../health/health.module.js';
import { SERVICE_LOGGER } from '../logging/logger.tokens.js';
import { OutboxKicker } from './outbox-kicker.js';

/** Options of PlatformModule.forRoot. */
export interface PlatformOptions {
  service: string;
  database: ServiceDatabaseOptions;
  kafka: KafkaSettings;
}

@Module({})
class OutboxModule {}

const outboxProviders: Provider[] = [
  { provide: OUTBOX_EVENT_SINK, useExisting: EventPublisher },
  {
    provide: OUTBOX_RELAY_OPTIONS,
    // Without runService (e.g. a bare testing module) the relay falls back to Nest's logger.
    useFactory: (logger?: Logger): OutboxRelayOptions => (logger ? { logger } : {}),
    inject: [{ token: SERVICE_LOGGER, optional: true }],
  },
  OutboxRelayService,
  OutboxKicker,
];

/**
 * The common modules of a service's AppModule: PersistenceModule + MessagingModule + HealthModule, and the outbox
 * relay publishing through the EventPublisher (started on bootstrap, drained on shutdown). OutboxKicker can be
 * injected everywhere.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PersistenceModule.forRoot(options.database),
        MessagingModule.forRoot(options.kafka),
        HealthModule.forRoot({ kafka: options.kafka }),
        { module: OutboxModule, global: true, providers: outboxProviders, exports: [OutboxKicker] },
      ],
    };
  }
}
