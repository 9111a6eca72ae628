import { type DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from './event-publisher.js';
import { type KafkaSettings } from './kafka-settings.js';

/** Global module providing one EventPublisher, connected on init and disconnected on application shutdown. */
@Module({})
export class MessagingModule {
  static forRoot(settings: KafkaSettings): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: EventPublisher, useFactory: () => new EventPublisher(settings) }],
      exports: [EventPublisher],
    };
  }
}
