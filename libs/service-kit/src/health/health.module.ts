import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { type KafkaSettings } from '@dhi/messaging';
import { HealthController } from './health.controller.js';
import { HEALTH_KAFKA_SETTINGS } from './health.tokens.js';
import { ReadinessIndicators } from './readiness.indicators.js';

/**
 * GET /health/live (process up) and GET /health/ready (database `select 1` and Kafka ping; 503 with details when
 * not ready). Needs a TypeORM DataSource provider (PersistenceModule) and the service logger (runService).
 */
@Module({})
export class HealthModule {
  static forRoot(options: { kafka: KafkaSettings }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_KAFKA_SETTINGS, useValue: options.kafka }, ReadinessIndicators],
    };
  }
}
