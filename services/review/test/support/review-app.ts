import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { createTestDatabase, type TestDatabase } from '@dhi/persistence';
import { createLogger, loadConfig } from '@dhi/service-kit';
import { requireTestStack } from '@dhi/testing';
import { filter, firstValueFrom, type Observable, timeout } from 'rxjs';
import { type ReviewConfig, reviewConfigShape } from '../../src/config.js';
import { startReview } from '../../src/start.js';

export interface ReviewTestEnv {
  db: TestDatabase;
  config: ReviewConfig;
  kafka: KafkaSettings;
}

/** A fresh test database and a config with a consumer group of this test file alone. */
export async function reviewTestEnv(): Promise<ReviewTestEnv> {
  const stack = requireTestStack();
  const db = await createTestDatabase(stack.databaseUrl, 'review');
  const config = loadConfig(reviewConfigShape, {
    PORT: '8084',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    LOG_LEVEL: 'silent',
    KAFKA_GROUP_ID: `review-test-${randomBytes(6).toString('hex')}`,
  });
  return { db, config, kafka: { brokers: config.KAFKA_BROKERS, clientId: 'review-test', retries: 3 } };
}

/**
 * Starts the service the way main.ts does (migrations, then runService) on a free port, and resolves once its
 * consumer joined the group. It reads only what is published from then on: the topics' history is other tests' data.
 */
export async function startTestReview(config: ReviewConfig, concurrency = 1): Promise<INestApplication> {
  const app = await startReview(config, {
    port: 0,
    logger: createLogger('review', 'silent'),
    consumer: { fromBeginning: false, partitionsConsumedConcurrently: concurrency, retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } },
  });
  const [consumer] = (app as unknown as { getMicroservices(): { status: Observable<string> }[] }).getMicroservices();
  if (consumer) await firstValueFrom(consumer.status.pipe(filter((s) => s === 'connected'), timeout(30_000)));
  return app;
}
