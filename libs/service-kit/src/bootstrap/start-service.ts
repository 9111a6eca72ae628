import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { type ServiceDatabaseOptions } from '@dhi/persistence';
import { type z } from 'zod';
import { kafkaSettingsOf, loadConfigOrExit } from '../config/load-config.js';
import { type OpenApiInfo } from './open-api.js';
import { runService, type RunServiceOptions } from './run-service.js';

/** The variables startService reads from every service's validated config. */
export interface ServiceConfigBase {
  PORT: number;
  LOG_LEVEL: string;
  KAFKA_BROKERS: string[];
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_GROUP_ID: string;
}

/** A config shape that yields at least ServiceConfigBase (serviceConfigShape plus KAFKA_GROUP_ID). */
export type ServiceConfigShape = z.ZodRawShape & { [K in keyof ServiceConfigBase]: z.ZodType<ServiceConfigBase[K]> };

/** The config a shape yields. */
export type ConfigOf<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/** What makes one service: its name, config, root module, database and API description. */
export interface ServiceDefinition<S extends ServiceConfigShape> {
  /** Service name: logs, Kafka client id. */
  name: string;
  configShape: S;
  module(config: ConfigOf<S>, kafka: KafkaSettings): Type<unknown> | DynamicModule;
  database(config: ConfigOf<S>): ServiceDatabaseOptions;
  openApi: OpenApiInfo;
}

/** Overrides of startService for tests: a free port, a captured logger, consumer tuning, patient Kafka settings. */
export interface StartOverrides extends Partial<Pick<RunServiceOptions, 'port' | 'logger' | 'consumer'>> {
  kafka?: Partial<KafkaSettings>;
}

/**
 * Migrates the service's schema, then runs it (HTTP API, consumer in KAFKA_GROUP_ID, outbox relay) in the Kafka
 * namespace of KAFKA_TOPIC_PREFIX. Rejects after logging a fatal line.
 */
export function startService<S extends ServiceConfigShape>(
  definition: ServiceDefinition<S>,
  config: ConfigOf<S>,
  overrides: StartOverrides = {},
): Promise<INestApplication> {
  // what the ServiceConfigShape constraint guarantees, which TypeScript cannot see through the generic inference
  const base = config as unknown as ServiceConfigBase;
  const kafka: KafkaSettings = { ...kafkaSettingsOf(base, definition.name), ...overrides.kafka };
  return runService({
    name: definition.name,
    module: definition.module(config, kafka),
    port: overrides.port ?? base.PORT,
    kafka,
    consumerGroup: base.KAFKA_GROUP_ID,
    consumer: overrides.consumer,
    logLevel: base.LOG_LEVEL,
    logger: overrides.logger,
    migrate: definition.database(config),
    openApi: definition.openApi,
  });
}

/** The whole main.ts of a service: config from the environment (a bad value exits 1), then startService (exit 1 on failure). */
export function serviceMain<S extends ServiceConfigShape>(definition: ServiceDefinition<S>): void {
  const config = loadConfigOrExit(definition.name, definition.configShape);
  // startService has logged the fatal line already
  startService(definition, config).catch(() => process.exit(1));
}
