import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { type EventPublisher, type KafkaSettings } from '@dhi/messaging';
import { startServiceUnderTest } from '@dhi/testing';
import { DataSource } from 'typeorm';
import { buildService } from '../../src/service.js';

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

/** Starts the service with test settings and a blob directory of its own; `env` overrides variables (e.g. MAX_UPLOAD_BYTES). */
export async function startBuildTestApp(env: Record<string, string> = {}): Promise<BuildTestApp> {
  const blobDir = await mkdtemp(path.join(tmpdir(), 'dhi-build-test-'));
  try {
    const service = await startServiceUnderTest({
      definition: buildService,
      env: { BLOB_STORE_DIR: blobDir, ...env },
      consumer: { retry: { attempts: 2, initialDelayMs: 50, maxDelayMs: 100 } },
    });
    return {
      app: service.app,
      server: service.app.getHttpServer() as Server,
      baseUrl: service.url,
      kafka: service.kafka,
      publisher: service.publisher,
      dataSource: service.app.get(DataSource),
      blobDir,
      blobFiles: async () => (await readdir(path.join(blobDir, 'sha256')).catch(() => [] as string[])).sort(),
      close: async () => {
        await service.stop();
        await rm(blobDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(blobDir, { recursive: true, force: true });
    throw error;
  }
}
