import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { createTestDatabase, type TestDatabase } from '@dhi/persistence';
import { createLogger, loadConfig } from '@dhi/service-kit';
import { requireTestStack } from '@dhi/testing';
import { filter, firstValueFrom, type Observable, timeout } from 'rxjs';
import { type TrainerConfig, trainerConfigShape } from '../../src/config.js';
import { startTrainer } from '../../src/start.js';

export interface TrainerTestEnv {
  db: TestDatabase;
  config: TrainerConfig;
  kafka: KafkaSettings;
}

/** A fresh test database and a config with a consumer group of this test file alone. */
export async function trainerTestEnv(): Promise<TrainerTestEnv> {
  const stack = requireTestStack();
  const db = await createTestDatabase(stack.databaseUrl, 'trainer');
  const config = loadConfig(trainerConfigShape, {
    PORT: '8085',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    LOG_LEVEL: 'silent',
    KAFKA_GROUP_ID: `trainer-test-${randomBytes(6).toString('hex')}`,
  });
  return { db, config, kafka: { brokers: config.KAFKA_BROKERS, clientId: 'trainer-test', retries: 3 } };
}

/**
 * Starts the service the way main.ts does (migrations, then runService) on a free port, and resolves once its
 * consumer joined the group. It reads only what is published from then on: the topics' history is other tests' data.
 */
export async function startTestTrainer(config: TrainerConfig): Promise<INestApplication> {
  const app = await startTrainer(config, {
    port: 0,
    logger: createLogger('feedback-trainer', 'silent'),
    consumer: { fromBeginning: false, retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } },
  });
  const [consumer] = (app as unknown as { getMicroservices(): { status: Observable<string> }[] }).getMicroservices();
  if (consumer) await firstValueFrom(consumer.status.pipe(filter((s) => s === 'connected'), timeout(30_000)));
  return app;
}
