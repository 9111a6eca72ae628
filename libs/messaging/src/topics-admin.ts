import { dlqTopic } from '@dhi/contracts';
import { createKafka, physicalTopic, type KafkaSettings } from './kafka-settings.js';
import { describeError, MessagingError } from './messaging-error.js';
import { type MessagingLogger, nestMessagingLogger } from './messaging-logger.js';

const DEFAULT_PARTITIONS = 6;

function withDeadLetterTwins(topics: readonly string[]): string[] {
  return [...new Set(topics.flatMap((t) => (t.endsWith('.dlq') ? [t] : [t, dlqTopic(t)])))];
}

/** Creates each topic and its `.dlq` twin if missing (idempotent; explicit, since broker auto-create is off). */
export async function ensureTopics(
  settings: KafkaSettings,
  topics: readonly string[],
  options: { partitions?: number; logger?: MessagingLogger } = {},
): Promise<void> {
  const logger = options.logger ?? nestMessagingLogger('KafkaAdmin');
  const wanted = withDeadLetterTwins(topics).map((t) => physicalTopic(settings, t));
  const admin = createKafka(settings, logger).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? DEFAULT_PARTITIONS })),
        waitForLeaders: true,
      });
    } catch (error) {
      // Another service may have created some of them at the same moment; only a topic still missing is a failure.
      const now = new Set(await admin.listTopics());
      if (missing.some((t) => !now.has(t))) throw error;
    }
    logger.info({ topics: missing }, 'kafka topics created');
  } catch (error) {
    throw new MessagingError('ADMIN_FAILED', `could not ensure Kafka topics: ${describeError(error)}`, { cause: error });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** True when the cluster answers a metadata request within timeoutMs. For readiness probes. */
export async function pingKafka(settings: KafkaSettings, timeoutMs = 2000): Promise<boolean> {
  const quiet: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const admin = createKafka({ ...settings, connectionTimeoutMs: Math.min(timeoutMs, settings.connectionTimeoutMs ?? timeoutMs) }, quiet, {
    retries: 0,
  }).admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    void probe.finally(() => admin.disconnect().catch(() => undefined));
  }
}
