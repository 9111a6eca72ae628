import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { ALL_TOPICS } from '@dhi/contracts';
import { deleteNamespace, ensureTopics, EventPublisher, type KafkaSettings, type MessagingLogger } from '@dhi/messaging';
import { createTestDatabase, type TestDatabase } from '@dhi/persistence';
import { type ConfigOf, loadConfig, type ServiceConfigShape, type ServiceDefinition, startService, type StartOverrides } from '@dhi/service-kit';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { freePort } from '../platform/free-port.js';
import { requireTestStack } from '../test-stack.js';
import { captureLogger, type LogLine } from './log-capture.js';

/** How to start a service in-process for one test file. */
/** How long a started service's consumer may take to join its group. */
const CONSUMER_JOIN_TIMEOUT_MS = 75_000;

export interface ServiceUnderTestOptions<S extends ServiceConfigShape> {
  definition: ServiceDefinition<S>;
  /** More environment variables (PORT, DATABASE_URL, KAFKA_BROKERS and KAFKA_TOPIC_PREFIX are set). */
  env?: Record<string, string>;
  /** Consumer tuning, e.g. a short retry policy. */
  consumer?: StartOverrides['consumer'];
}

/** A service running in-process on a fresh database and in a Kafka namespace of its own. */
export interface ServiceUnderTest<S extends ServiceConfigShape = ServiceConfigShape> {
  app: INestApplication;
  config: ConfigOf<S>;
  /** `http://127.0.0.1:<port>`, the service's own URL. */
  url: string;
  db: TestDatabase;
  /** Settings of the test's namespace (`t-<random>.`), to tap its topics. */
  kafka: KafkaSettings;
  /** A publisher connected to the namespace. */
  publisher: EventPublisher;
  /** Every JSON line the service logged (at debug level). */
  logs: LogLine[];
  /** Closes the app and the publisher, drops the database and deletes the namespace. */
  stop(): Promise<void>;
}

const quiet: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Starts a service the way its main.ts does (migrations, then startService), in a Kafka namespace of its own whose
 * topics exist from the start (so taps may read them from the beginning), and resolves once its consumer joined.
 */
export async function startServiceUnderTest<S extends ServiceConfigShape>(options: ServiceUnderTestOptions<S>): Promise<ServiceUnderTest<S>> {
  const { definition } = options;
  const stack = requireTestStack();
  const id = randomBytes(4).toString('hex');
  const port = await freePort();
  const db = await createTestDatabase(stack.databaseUrl, definition.name.replace(/[^a-z0-9]/g, '_'));
  const kafka: KafkaSettings = { brokers: stack.kafkaBrokers, clientId: `${definition.name}-test-${id}`, topicPrefix: `t-${id}.`, retries: 2 };
  const cleanup = async () => {
    await db.drop();
    await deleteNamespace(kafka).catch(() => undefined);
  };
  const { logger, lines } = captureLogger(definition.name);
  let app: INestApplication | undefined;
  let publisher: EventPublisher | undefined;
  try {
    const config = loadConfig(definition.configShape, {
      PORT: String(port),
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
      ...options.env,
    });
    await ensureTopics(kafka, ALL_TOPICS, { logger: quiet });
    app = await startService(definition, config, { logger, consumer: options.consumer, kafka: { retries: kafka.retries } });
    const [consumer] = app.getMicroservices();
    // a group join waits out rebalances of the namespace's other consumers; on a loaded machine that takes a while
    if (consumer) await firstValueFrom(consumer.status.pipe(filter((s) => s === 'connected'), timeout(CONSUMER_JOIN_TIMEOUT_MS)));
    publisher = new EventPublisher(kafka, quiet);
    await publisher.connect();
    const started = { app, publisher };
    return {
      app,
      config,
      url: `http://127.0.0.1:${port}`,
      db,
      kafka,
      publisher,
      logs: lines,
      stop: async () => {
        await started.publisher.disconnect();
        await started.app.close();
        await cleanup();
      },
    };
  } catch (error) {
    await publisher?.disconnect().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await cleanup();
    throw error;
  }
}
