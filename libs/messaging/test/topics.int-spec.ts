import { dlqTopic } from '@dhi/contracts';
import { ensureTopics, pingKafka } from '../src/index.js';
import { deleteTopics, kafkaSettings, memoryLogger, partitionCounts, testTopic } from './support/kafka-test-kit.js';

describe('ensureTopics and pingKafka (real Kafka)', () => {
  const settings = kafkaSettings();
  const topics = [testTopic(), testTopic()];
  const all = [...topics, ...topics.map(dlqTopic)];

  afterAll(async () => {
    await deleteTopics(settings, all);
  });

  it('creates each topic and its .dlq twin with the partitions, and a second call changes nothing', async () => {
    const logger = memoryLogger();
    await ensureTopics(settings, topics, { partitions: 4, logger });
    expect(await partitionCounts(settings, all)).toEqual(Object.fromEntries(all.map((t) => [t, 4])));
    expect(logger.lines.filter((l) => l.msg === 'kafka topics created')).toHaveLength(1);

    await ensureTopics(settings, topics, { partitions: 2, logger });
    expect(await partitionCounts(settings, all)).toEqual(Object.fromEntries(all.map((t) => [t, 4])));
    expect(logger.lines.filter((l) => l.msg === 'kafka topics created')).toHaveLength(1);
  });

  it('creates only the missing ones when some exist already', async () => {
    const extra = testTopic();
    try {
      await ensureTopics(settings, [topics[0]!, extra], { partitions: 1, logger: memoryLogger() });
      expect(await partitionCounts(settings, [topics[0]!, extra, dlqTopic(extra)])).toEqual({
        [topics[0]!]: 4,
        [extra]: 1,
        [dlqTopic(extra)]: 1,
      });
    } finally {
      await deleteTopics(settings, [extra, dlqTopic(extra)]);
    }
  });

  it('pingKafka answers true for the cluster and false for a closed port within the timeout', async () => {
    expect(await pingKafka(settings, 5000)).toBe(true);
    const started = Date.now();
    expect(await pingKafka({ brokers: ['127.0.0.1:1'], clientId: 'ping-test' }, 1000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
