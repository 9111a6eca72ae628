import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { dlqTopic } from '@dhi/contracts';
import { DLQ_HEADERS, ensureTopics, EventPublisher, KafkaEventTransport, PoisonMessageError } from '../src/index.js';
import { startConsumerApp } from './support/consumer-app.js';
import {
  deleteTopics,
  groupProgress,
  kafkaSettings,
  memoryLogger,
  randomSuffix,
  readTopic,
  testEvent,
  type TestData,
  testTopic,
  uncommitted,
  validateTestEvent,
  waitFor,
} from './support/kafka-test-kit.js';

describe('KafkaEventTransport failures (real Kafka)', () => {
  const settings = kafkaSettings();
  const publisher = new EventPublisher(settings, memoryLogger());
  const topics: string[] = [];
  const apps: INestApplication[] = [];

  async function freshTopic(): Promise<string> {
    const topic = testTopic();
    topics.push(topic, dlqTopic(topic));
    await ensureTopics(settings, [topic], { partitions: 2, logger: memoryLogger() });
    return topic;
  }

  function transport(groupId: string, logger = memoryLogger()): KafkaEventTransport {
    return new KafkaEventTransport({
      settings,
      groupId,
      logger,
      validate: validateTestEvent,
      retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
    });
  }

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await deleteTopics(settings, topics);
  });

  it('sends non-JSON and schema-invalid messages to the DLQ with the reason, and keeps consuming', async () => {
    const topic = await freshTopic();
    const logger = memoryLogger();
    const groupId = `poison-${randomSuffix()}`;
    const consumer = await startConsumerApp<TestData>(topic, transport(groupId, logger));
    apps.push(consumer.app);

    const buildId = randomUUID();
    const notJson = Buffer.from([0x7b, 0x6e, 0x6f, 0xff]);
    const invalid = JSON.stringify({ ...testEvent(topic, buildId, 2), traceparent: 'not-a-traceparent' });
    await publisher.publishRaw(topic, { key: buildId, value: notJson, headers: { correlationid: 'corr-raw', 'x-test': 'kept' } });
    await publisher.publishRaw(topic, { key: buildId, value: invalid });
    const valid = testEvent(topic, buildId, 3);
    await publisher.publish(topic, valid);

    await waitFor(() => consumer.handled.some((c) => c.event.id === valid.id), 'the valid event after the poison ones');
    expect(consumer.calls.filter((c) => c.event.subject === buildId)).toHaveLength(1);

    const dlq = await readTopic(settings, dlqTopic(topic));
    try {
      await waitFor(() => dlq.records.length >= 2, 'two dead letters');
      const [first, second] = [...dlq.records].sort((a, b) => Number(a.headers[DLQ_HEADERS.originalOffset]) - Number(b.headers[DLQ_HEADERS.originalOffset]));
      expect(first!.key).toBe(buildId);
      expect(first!.value).toEqual(notJson);
      expect(first!.headers).toMatchObject({
        'x-test': 'kept',
        correlationid: 'corr-raw',
        [DLQ_HEADERS.originalTopic]: topic,
        [DLQ_HEADERS.consumerGroup]: groupId,
        [DLQ_HEADERS.attempts]: '0',
      });
      expect(first!.headers[DLQ_HEADERS.reason]).toMatch(/^not JSON: /);
      expect(Date.parse(first!.headers[DLQ_HEADERS.failedAt]!)).not.toBeNaN();
      expect(first!.headers[DLQ_HEADERS.originalPartition]).toMatch(/^[01]$/);
      expect(second!.value!.toString()).toBe(invalid);
      expect(second!.headers[DLQ_HEADERS.reason]).toMatch(/^invalid envelope: .*traceparent/i);
    } finally {
      await dlq.stop();
    }
    const logged = logger.lines.filter((l) => l.msg === 'message sent to the dead-letter topic');
    expect(logged).toHaveLength(2);
    expect(logged[0]!.obj).toMatchObject({ buildId, topic, correlationid: 'corr-raw', reason: expect.stringMatching(/^not JSON/) });
  });

  it('retries a failing handler, dead-letters one that keeps failing, and commits every offset', async () => {
    const topic = await freshTopic();
    const groupId = `retry-${randomSuffix()}`;
    const [flaky, broken, poison] = [randomUUID(), randomUUID(), randomUUID()];
    const failures = new Map<string, number>();
    const consumer = await startConsumerApp<TestData>(topic, transport(groupId), async (event) => {
      if (event.subject === broken) throw new Error('scanner database unavailable');
      if (event.subject === poison) throw new PoisonMessageError('layer blob is not a tar archive');
      const failed = failures.get(event.id) ?? 0;
      if (event.subject === flaky && failed < 2) {
        failures.set(event.id, failed + 1);
        throw new Error('transient');
      }
    });
    apps.push(consumer.app);

    const events = [testEvent(topic, flaky, 1), testEvent(topic, broken, 1), testEvent(topic, poison, 1)];
    for (const envelope of events) await publisher.publish(topic, envelope);
    const last = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, last);

    await waitFor(() => consumer.handled.some((c) => c.event.subject === flaky), 'the flaky event handled');
    const dlq = await readTopic(settings, dlqTopic(topic));
    try {
      const dead = await waitFor(() => dlq.records.length >= 2 && dlq.records, 'two dead letters');
      const byKey = Object.fromEntries(dead.map((r) => [r.key, r.headers]));
      expect(byKey[broken]).toMatchObject({
        [DLQ_HEADERS.reason]: 'handler failed after 3 attempts: scanner database unavailable',
        [DLQ_HEADERS.attempts]: '3',
      });
      expect(byKey[poison]).toMatchObject({
        [DLQ_HEADERS.reason]: 'layer blob is not a tar archive',
        [DLQ_HEADERS.attempts]: '1',
      });
    } finally {
      await dlq.stop();
    }
    expect(consumer.calls.filter((c) => c.event.subject === flaky).map((c) => c.ctx.attempt)).toEqual([1, 2, 3]);
    expect(consumer.handled.filter((c) => c.event.subject === flaky)).toHaveLength(1);
    expect(consumer.calls.filter((c) => c.event.subject === broken)).toHaveLength(3);
    expect(consumer.calls.filter((c) => c.event.subject === poison)).toHaveLength(1);
    await waitFor(() => consumer.handled.some((c) => c.event.id === last.id), 'the event behind them');

    await consumer.app.close();
    apps.splice(0);
    const progress = await groupProgress(settings, groupId, topic);
    expect(uncommitted(progress)).toEqual([]);

    // A new member of the same group starts after the committed offsets: only the new event arrives.
    const again = await startConsumerApp<TestData>(topic, transport(groupId));
    apps.push(again.app);
    const sentinel = testEvent(topic, randomUUID(), 9);
    await publisher.publish(topic, sentinel);
    await waitFor(() => again.handled.some((c) => c.event.id === sentinel.id), 'the sentinel');
    expect(again.calls.map((c) => c.event.id)).toEqual([sentinel.id]);
  });
});
