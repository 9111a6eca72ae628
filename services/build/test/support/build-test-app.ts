import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { deleteNamespace, EventPublisher, type KafkaSettings } from '@dhi/messaging';
import { createTestDatabase, type TestDatabase } from '@dhi/persistence';
import { kafkaSettingsOf } from '@dhi/service-kit';
import { freePort, requireTestStack } from '@dhi/testing';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { loadBuildConfig } from '../../src/config.js';
import { startBuildService } from '../../src/start.js';

/** The build service running in-process on the real Kafka (in its own topic namespace) and a fresh database. */
export interface BuildTestApp {
  app: INestApplication;
  server: Server;
  /** The service's own URL (also its PUBLIC_URL). */
  baseUrl: string;
  /** Settings of the test's Kafka namespace, to tap or publish. */
  kafka: KafkaSettings;
  publisher: EventPublisher;
  dataSource: DataSource;
  blobDir: string;
  /** Names of the blob files in the store. */
  blobFiles(): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts the service with test settings; `env` overrides variables (e.g. MAX_UPLOAD_BYTES). */
export async function startBuildTestApp(env: Record<string, string> = {}): Promise<BuildTestApp> {
  const stack = requireTestStack();
  const id = randomBytes(4).toString('hex');
  const db: TestDatabase = await createTestDatabase(stack.databaseUrl, 'build');
  const blobDir = await mkdtemp(path.join(tmpdir(), `dhi-build-test-${id}-`));
  const port = await freePort();
  const config = loadBuildConfig({
    PORT: String(port),
    DATABASE_URL: db.url,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `build-test-${id}.`,
    LOG_LEVEL: process.env['BUILD_TEST_LOG_LEVEL'] ?? 'silent',
    BLOB_STORE_DIR: blobDir,
    ...env,
  });
  const kafka = { ...kafkaSettingsOf(config, `build-test-${id}`), retries: 2 };
  const cleanup = async (): Promise<void> => {
    await db.drop();
    await deleteNamespace(kafka).catch(() => undefined);
    await rm(blobDir, { recursive: true, force: true });
  };
  let app: INestApplication;
  try {
    app = await startBuildService(config, { consumer: { retry: { attempts: 2, initialDelayMs: 50, maxDelayMs: 100 } }, kafka: { retries: 2 } });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const [consumer] = app.getMicroservices();
  if (consumer) await firstValueFrom(consumer.status.pipe(filter((s) => s === 'connected'), timeout(30_000)));
  return {
    app,
    server: app.getHttpServer() as Server,
    baseUrl: `http://127.0.0.1:${port}`,
    kafka,
    publisher: app.get(EventPublisher),
    dataSource: app.get(DataSource),
    blobDir,
    blobFiles: async () => (await readdir(path.join(blobDir, 'sha256')).catch(() => [] as string[])).sort(),
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}
