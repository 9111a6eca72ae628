import { type INestApplication } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { runMigrations } from '@dhi/persistence';
import { createLogger, runService, type RunServiceOptions } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { databaseOptions, type ReviewConfig, SERVICE_NAME } from './config.js';

/** Overrides for tests: another port, consumer tuning, a captured logger. */
export type StartOverrides = Partial<Pick<RunServiceOptions, 'port' | 'consumer' | 'logger'>>;

/**
 * Migrates the schema (under the persistence lock, so parallel replicas are safe; Docker users have no separate
 * migrate step) and starts the HTTP API and the consumer.
 */
export async function startReview(config: ReviewConfig, overrides: StartOverrides = {}): Promise<INestApplication> {
  const logger = overrides.logger ?? createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const kafka: KafkaSettings = { brokers: config.KAFKA_BROKERS, clientId: SERVICE_NAME };
  try {
    const applied = await runMigrations(databaseOptions(config));
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  } catch (error) {
    logger.fatal({ err: error }, 'migrations failed');
    throw error;
  }
  return runService({
    name: SERVICE_NAME,
    module: AppModule.forRoot(config, kafka),
    port: overrides.port ?? config.PORT,
    kafka,
    consumerGroup: config.KAFKA_GROUP_ID,
    consumer: overrides.consumer,
    logLevel: config.LOG_LEVEL,
    logger,
    openApi: { title: 'DHI review', description: 'Review cases of analysed builds: flags with evidence, verdicts, audit trail' },
  });
}
