import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { ALL_TOPICS } from '@dhi/contracts';
import { ensureTopics, KafkaEventTransport, type KafkaEventTransportOptions, type KafkaSettings } from '@dhi/messaging';
import { runMigrations, type ServiceDatabaseOptions } from '@dhi/persistence';
import { type Logger } from 'pino';
import { ProblemDetailsFilter } from '../errors/problem-details.filter.js';
import { ObservabilityModule } from '../http/observability.module.js';
import { createLogger } from '../logging/create-logger.js';
import { EventContextInterceptor } from '../logging/event-context.interceptor.js';
import { PinoNestLogger } from '../logging/nest-logger.js';
import { type OpenApiInfo, setupOpenApi } from './open-api.js';

/** Options of runService. */
export interface RunServiceOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  kafka: KafkaSettings;
  /** When set, the service consumes its @EventPattern handlers through a KafkaEventTransport in this group. */
  consumerGroup?: string;
  /** Tuning of that consumer (retry policy, concurrency, fromBeginning, shutdown timeout). */
  consumer?: Omit<KafkaEventTransportOptions, 'settings' | 'groupId' | 'logger'>;
  openApi: OpenApiInfo;
  /** Default "info"; pass the validated LOG_LEVEL. */
  logLevel?: string;
  /** A ready logger instead of createLogger(name, logLevel), e.g. to capture lines in tests. */
  logger?: Logger;
  /**
   * Topics (and their DLQ twins) created at start when missing; default every platform topic when the service
   * consumes (broker auto-create is off).
   */
  topics?: readonly string[];
  /**
   * Runs this database's pending migrations before anything else starts (under the persistence advisory lock, so
   * replicas may start together; a container has no separate migrate step).
   */
  migrate?: ServiceDatabaseOptions;
}

@Module({})
class ServiceRootModule {}

async function migrate(database: ServiceDatabaseOptions, logger: Logger): Promise<void> {
  try {
    // two connections are all migrating takes: one holds the lock, one migrates
    const applied = await runMigrations({ ...database, poolSize: 2, logger: database.logger ?? logger });
    logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'no pending migrations');
  } catch (error) {
    logger.fatal({ err: error }, 'migrations failed');
    throw error;
  }
}

/**
 * Starts a service, after its migrations when `migrate` is given: Nest app with the kit logger, HTTP request logs
 * with x-correlation-id (generated if missing, echoed back), ProblemDetailsFilter, OpenAPI at /docs (+ /docs-json), /metrics, graceful shutdown, the optional
 * Kafka consumer; prints nothing but JSON logs. On failure it logs a fatal line, releases what started, and rejects.
 */
export async function runService(options: RunServiceOptions): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(options.name, options.logLevel);
  if (options.migrate) await migrate(options.migrate, logger);
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [ObservabilityModule.forRoot(logger), options.module],
  };
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(root, {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    app.disable('x-powered-by');
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
    app.useGlobalInterceptors(new EventContextInterceptor());
    app.enableShutdownHooks();
    setupOpenApi(app, options.openApi);
    if (options.consumerGroup !== undefined) {
      const transport = new KafkaEventTransport({
        ...options.consumer,
        settings: options.kafka,
        groupId: options.consumerGroup,
        logger,
      });
      // Inheriting the app's config gives handlers the event log context; Nest resolves enhancers when it connects.
      app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
    }
    // Subscribing to a missing topic only fails after kafkajs's retries run out, so create them first.
    if (options.consumerGroup !== undefined || options.topics !== undefined) {
      await ensureTopics(options.kafka, options.topics ?? ALL_TOPICS, { logger });
    }
    // Init hooks (database, publisher, outbox relay) run before the first message or request arrives.
    await app.init();
    await app.startAllMicroservices();
    await app.listen(options.port);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    logger.info({ port, consumerGroup: options.consumerGroup }, 'service started');
    return app;
  } catch (error) {
    logger.fatal({ err: error }, 'service failed to start');
    await app?.close().catch((closeError: unknown) => logger.error({ err: closeError }, 'cleanup after failed start'));
    throw error;
  }
}
