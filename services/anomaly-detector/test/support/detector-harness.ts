import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type KafkaSettings, type TransportStatus } from '@dhi/messaging';
import { createTestDatabase, runMigrations, type TestDatabase } from '@dhi/persistence';
import { loadConfig, runService } from '@dhi/service-kit';
import { pollUntil, requireTestStack } from '@dhi/testing';
import { type Observable } from 'rxjs';
import { AppModule } from '../../src/app.module.js';
import { anomalyDetectorConfigShape, databaseOptions, SERVICE } from '../../src/config.js';
import { captureLogger, type LogLine } from './log-capture.js';

export interface RunningDetector {
  app: INestApplication;
  db: TestDatabase;
  kafka: KafkaSettings;
  logs: LogLine[];
  stop(): Promise<void>;
}

/**
 * Boots the anomaly-detector in-process on a fresh test database and its own consumer group (`env` overrides its
 * config), and waits until it consumes.
 */
export async function startDetector(env: Record<string, string> = {}): Promise<RunningDetector> {
  const stack = requireTestStack();
  const db = await createTestDatabase(stack.databaseUrl, 'anomaly');
  try {
    return await boot(db, stack.kafkaBrokers, env);
  } catch (error) {
    await db.drop();
    throw error;
  }
}

async function boot(db: TestDatabase, brokers: string[], env: Record<string, string>): Promise<RunningDetector> {
  const config = loadConfig(anomalyDetectorConfigShape, {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_GROUP_ID: `anomaly-detector-test-${randomUUID()}`,
    ...env,
  });
  const kafka: KafkaSettings = { brokers: config.KAFKA_BROKERS, clientId: 'anomaly-detector-test', retries: 2 };
  const { logger, lines } = captureLogger(SERVICE);
  await runMigrations(databaseOptions(config));
  const app = await runService({
    name: SERVICE,
    module: AppModule.forRoot(config, kafka),
    port: 0,
    kafka,
    consumerGroup: config.KAFKA_GROUP_ID,
    // only this run's events: the shared topics' history belongs to other runs
    consumer: { fromBeginning: false, retry: { attempts: 4, initialDelayMs: 50, maxDelayMs: 200 } },
    openApi: { title: 'DHI anomaly-detector', description: 'test' },
    logger,
  });
  let status: TransportStatus = 'connecting';
  const [consumer] = (app as unknown as { getMicroservices(): { status: Observable<TransportStatus> }[] }).getMicroservices();
  consumer.status.subscribe((s) => (status = s));
  try {
    await pollUntil(() => status === 'connected', { timeoutMs: 30_000, description: 'the anomaly-detector consumer to join its group' });
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    db,
    kafka,
    logs: lines,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}
