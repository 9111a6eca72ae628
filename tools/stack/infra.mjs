// Kafka and PostgreSQL together, each started only when the environment does not already point at one.
import path from 'node:path';
import { startKafka } from './kafka.mjs';
import { startPostgres } from './postgres.mjs';
import { assertPortFree, defaultLog } from './proc.mjs';

/** Stop steps run once, newest first; a failing step is logged and the rest still run. */
export function createTeardown(log = defaultLog) {
  const steps = [];
  let running;
  return {
    add(name, stop) {
      steps.push({ name, stop });
    },
    run() {
      running ??= (async () => {
        for (const { name, stop } of steps.reverse()) {
          try {
            log(`stopping ${name}`);
            await stop();
          } catch (error) {
            log(`stopping ${name} failed: ${error.message}`);
          }
        }
      })();
      return running;
    },
  };
}

/**
 * Starts Kafka (in `<dir>/kafka`) unless env.KAFKA_BROKERS is set and PostgreSQL (in `<dir>/postgres`) unless
 * env.DATABASE_URL is set, registering each one's stop in `teardown` as soon as it runs.
 * Resolves {brokers, adminUrl, kafka, postgres}; kafka/postgres are null when the environment provided them.
 */
export async function startInfra({ dir, ports, teardown, env = process.env, log = defaultLog, signal }) {
  const external = { kafka: Boolean(env.KAFKA_BROKERS), postgres: Boolean(env.DATABASE_URL) };
  if (!external.kafka) {
    await assertPortFree(ports.kafka, 'DHI_KAFKA_PORT');
    await assertPortFree(ports.controller, 'DHI_KAFKA_CONTROLLER_PORT');
  }
  if (!external.postgres) await assertPortFree(ports.postgres, 'DHI_PG_PORT');

  const kafkaStart = external.kafka ? null : startKafka({
    dir: path.join(dir, 'kafka'), port: ports.kafka, controllerPort: ports.controller, log, signal,
  }).then((kafka) => {
    teardown.add('Kafka', kafka.stop);
    return kafka;
  });
  const postgresStart = external.postgres ? null : startPostgres({
    dir: path.join(dir, 'postgres'), port: ports.postgres, log, signal,
  }).then((postgres) => {
    teardown.add('PostgreSQL', postgres.stop);
    return postgres;
  });
  // Both start side by side; allSettled so that one failing still lets the other register its stop.
  const [kafka, postgres] = await Promise.allSettled([kafkaStart, postgresStart]);
  const failed = [kafka, postgres].find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  if (external.kafka) log(`using Kafka at KAFKA_BROKERS=${env.KAFKA_BROKERS}`);
  if (external.postgres) log('using PostgreSQL at DATABASE_URL');
  return {
    brokers: external.kafka ? env.KAFKA_BROKERS : kafka.value.brokers,
    adminUrl: external.postgres ? env.DATABASE_URL : postgres.value.url,
    kafka: kafka.value && { pid: kafka.value.pid, logFile: kafka.value.logFile },
    postgres: postgres.value && { pid: postgres.value.pid, dataDir: postgres.value.dataDir },
  };
}
