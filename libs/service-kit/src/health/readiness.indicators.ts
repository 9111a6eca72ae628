import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { pingKafka, type KafkaSettings } from '@dhi/messaging';
import { DataSource } from 'typeorm';
import { HEALTH_KAFKA_SETTINGS, READINESS_TIMEOUT_MS } from './health.tokens.js';

/** Readiness of the service's dependencies: its database answers `select 1`, its Kafka brokers answer a ping. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(HEALTH_KAFKA_SETTINGS) private readonly kafkaSettings: KafkaSettings,
  ) {}

  async database(): Promise<HealthIndicatorResult<'database'>> {
    return this.indicators
      .check('database')
      .attempt(async () => {
        await this.dataSource.query('select 1');
      })
      .withTimeout(READINESS_TIMEOUT_MS);
  }

  async kafka(): Promise<HealthIndicatorResult<'kafka'>> {
    const session = this.indicators.check('kafka');
    const reachable = await pingKafka(this.kafkaSettings, READINESS_TIMEOUT_MS);
    return reachable
      ? session.up({ brokers: this.kafkaSettings.brokers })
      : session.down({ brokers: this.kafkaSettings.brokers, message: 'no broker answered' });
  }
}
