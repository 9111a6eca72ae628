import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deleteNamespace, type KafkaSettings } from '@dhi/messaging';
import { createTestDatabase } from '@dhi/persistence';
import { repoRoot } from '../deployment-check.js';
import { requireTestStack } from '../test-stack.js';
import { freePort } from './free-port.js';
import { PLATFORM_SERVICES, type PlatformService, ServiceProcess } from './service-process.js';

/** The whole platform as real processes on the test stack, isolated in its own database and Kafka namespace. */
export interface TestPlatform {
  services: Record<PlatformService, ServiceProcess>;
  url(service: PlatformService): string;
  /** Kafka settings of this platform's namespace, to publish or tap its topics. */
  kafka: KafkaSettings;
  databaseUrl: string;
  /** Stops every process, drops the database, deletes the namespace's topics and the blob directory; keeps the logs. */
  stop(): Promise<void>;
}

/** Starts the five compiled services against KAFKA_BROKERS / DATABASE_URL with a fresh database and topic prefix. */
export async function startTestPlatform(options: { services?: readonly PlatformService[]; logLevel?: string } = {}): Promise<TestPlatform> {
  const stack = requireTestStack();
  const id = randomBytes(4).toString('hex');
  const database = await createTestDatabase(stack.databaseUrl, 'e2e');
  const workDir = mkdtempSync(path.join(tmpdir(), `dhi-e2e-${id}-`));
  const logDir = path.join(workDir, 'logs');
  mkdirSync(logDir);
  const kafka: KafkaSettings = { brokers: stack.kafkaBrokers, clientId: `e2e-${id}`, topicPrefix: `e2e-${id}.` };
  const buildPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    LOG_LEVEL: options.logLevel ?? 'info',
    BLOB_STORE_DIR: path.join(workDir, 'blobs'),
    PUBLIC_URL: `http://127.0.0.1:${buildPort}`,
  };
  const services = {} as Record<PlatformService, ServiceProcess>;
  for (const name of options.services ?? PLATFORM_SERVICES) {
    const port = name === 'build' ? buildPort : await freePort();
    services[name] = new ServiceProcess(name, port, env, path.join(logDir, `${name}.log`), repoRoot());
  }
  const stop = async () => {
    await Promise.all(Object.values(services).map((s) => s.stop('SIGTERM')));
    await database.drop();
    await deleteNamespace(kafka).catch(() => undefined);
    // The services' logs outlive the run (git-ignored), for reading after a failure.
    cpSync(logDir, path.join(repoRoot(), '.test-results', 'e2e-logs', id), { recursive: true });
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    // Sequential starts: each service migrates its own schema at start-up, and two cores are shared with Kafka and PG.
    for (const service of Object.values(services)) await service.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, url: (name) => services[name].url, kafka, databaseUrl: database.url, stop };
}
