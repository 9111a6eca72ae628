import { type DynamicModule, Module } from '@nestjs/common';
import { MODEL_REGISTRY_CONSUMER, ModelRegistry } from './model-registry.service.js';
import { OnModelPublishedMessageController } from './on-model-published.message.controller.js';

/**
 * Consumes model.published into the service's `models` table and provides ModelRegistry everywhere in the app
 * (global, like the database). Needs the service's PlatformModule (DataSource, logger) and ModelRecord among its
 * entities.
 */
@Module({})
export class ModelRegistryModule {
  /** `consumer` is the name the events are recorded under for idempotency (the service's name). */
  static forRoot(options: { consumer: string }): DynamicModule {
    return {
      module: ModelRegistryModule,
      global: true,
      controllers: [OnModelPublishedMessageController],
      providers: [{ provide: MODEL_REGISTRY_CONSUMER, useValue: options.consumer }, ModelRegistry],
      exports: [ModelRegistry],
    };
  }
}
