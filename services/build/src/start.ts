import { type INestApplication } from '@nestjs/common';
import { type KafkaEventTransportOptions, type KafkaSettings } from '@dhi/messaging';
import { runMigrations } from '@dhi/persistence';
import { createLogger, kafkaSettingsOf, type Logger, runService } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { type BuildConfig, databaseOptions, SERVICE_NAME } from './config.js';

export interface StartOptions {
  logger?: Logger;
  /** Consumer tuning (tests start at the end of the shared topics). */
  consumer?: Omit<KafkaEventTransportOptions, 'settings' | 'groupId' | 'logger'>;
  kafka?: Partial<KafkaSettings>;
}

/**
 * Migrates the schema (under an advisory lock, so replicas may start together; a container has no separate migrate
 * step) and starts the service. Rejects after logging a fatal line.
 */
export async function startBuildService(config: BuildConfig, options: StartOptions = {}): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const kafka: KafkaSettings = { ...kafkaSettingsOf(config, SERVICE_NAME), ...options.kafka };
  try {
    const applied = await runMigrations({ ...databaseOptions(config), poolSize: 2 });
    logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'no pending migrations');
  } catch (error) {
    logger.fatal({ err: error }, 'migrations failed');
    throw error;
  }
  return runService({
    name: SERVICE_NAME,
    module: AppModule.forRoot(config, kafka),
    port: config.PORT,
    kafka,
    consumerGroup: config.KAFKA_GROUP_ID,
    consumer: options.consumer,
    logLevel: config.LOG_LEVEL,
    logger,
    openApi: {
      title: 'DHI build',
      description: 'Submit image builds and follow them through storage, analysis and review; blob downloads for the analysers.',
    },
  });
}
