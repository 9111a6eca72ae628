import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { type Logger } from 'pino';
import { SERVICE_LOGGER } from '../logging/logger.tokens.js';
import { LifecycleLog } from './lifecycle-log.js';
import { MetricsController } from './metrics.controller.js';
import { RequestObserverMiddleware } from './request-observer.middleware.js';

/** Global: the service logger (SERVICE_LOGGER), GET /metrics, and correlation ids + access logs on every request. */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: SERVICE_LOGGER, useValue: logger }, RequestObserverMiddleware, LifecycleLog],
      exports: [SERVICE_LOGGER],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestObserverMiddleware).forRoutes('*');
  }
}
