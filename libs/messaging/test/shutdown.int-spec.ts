import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { dlqTopic } from '@dhi/contracts';
import { DLQ_HEADERS, ensureTopics, EventPublisher, KafkaEventTransport, PoisonMessageError } from '../src/index.js';
import { startConsumerApp } from './support/consumer-app.js';
import {
  createBareTopic,
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

describe('KafkaEventTransport shutdown and at-least-once delivery (real Kafka)', () => {
  const settings = kafkaSettings();
  const publisher = new EventPublisher(settings, memoryLogger());
  const topics: string[] = [];
  const apps: INestApplication[] = [];

  async function freshTopic(): Promise<string> {
    const topic = testTopic();
    topics.push(topic, dlqTopic(topic));
    await ensureTopics(settings, [topic], { partitions: 1, logger: memoryLogger() });
    return topic;
  }

  function transport(groupId: string, retry = { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 }): KafkaEventTransport {
    return new KafkaEventTransport({ settings, groupId, logger: memoryLogger(), validate: validateTestEvent, retry });
  }

  async function onlyNewEventsReach(topic: string, groupId: string): Promise<void> {
    const again = await startConsumerApp<TestData>(topic, transport(groupId));
    apps.push(again.app);
    const sentinel = testEvent(topic, randomUUID(), 99);
    await publisher.publish(topic, sentinel);
    await waitFor(() => again.handled.some((c) => c.event.id === sentinel.id), 'the sentinel');
    expect(again.calls.map((c) => c.event.id)).toEqual([sentinel.id]);
  }

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await deleteTopics(settings, topics);
  });

  it('lets the in-flight handler finish on close, commits it, and does not redeliver it', async () => {
    const topic = await freshTopic();
    const groupId = `drain-${randomSuffix()}`;
    const consumer = await startConsumerApp<TestData>(topic, transport(groupId), async (_event, ctx) => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await ctx.heartbeat();
      }
    });
    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, event);
    await waitFor(() => consumer.calls.length === 1, 'the handler to start');

    await consumer.app.close();
    expect(consumer.handled.map((c) => c.event.id)).toEqual([event.id]);
    expect(uncommitted(await groupProgress(settings, groupId, topic))).toEqual([]);
    await onlyNewEventsReach(topic, groupId);
  });

  it('stops waiting for a retry on close and leaves the message for the next consumer', async () => {
    const topic = await freshTopic();
    const groupId = `interrupt-${randomSuffix()}`;
    const slowRetry = { attempts: 5, initialDelayMs: 60_000, maxDelayMs: 60_000 };
    const failing = await startConsumerApp<TestData>(topic, transport(groupId, slowRetry), async () => {
      throw new Error('transient');
    });
    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, event);
    await waitFor(() => failing.calls.length === 1, 'the first attempt');

    const started = Date.now();
    await failing.app.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(uncommitted(await groupProgress(settings, groupId, topic))).toEqual([0]);

    const next = await startConsumerApp<TestData>(topic, transport(groupId));
    apps.push(next.app);
    await waitFor(() => next.handled.some((c) => c.event.id === event.id), 'the redelivered event');
  });

  it('does not commit a message whose dead-letter write failed, and dead-letters it once the DLQ exists', async () => {
    const topic = testTopic();
    topics.push(topic, dlqTopic(topic));
    await createBareTopic(settings, topic);
    const groupId = `dlq-down-${randomSuffix()}`;
    const consumer = await startConsumerApp<TestData>(topic, transport(groupId), async () => {
      throw new PoisonMessageError('never processable');
    });
    apps.push(consumer.app);
    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, event);

    await waitFor(() => consumer.calls.length >= 2, 'the message delivered again after the failed DLQ write', 60_000);
    expect(uncommitted(await groupProgress(settings, groupId, topic))).toEqual([0]);

    await ensureTopics(settings, [topic], { partitions: 1, logger: memoryLogger() });
    await waitFor(
      async () => uncommitted(await groupProgress(settings, groupId, topic)).length === 0,
      'the offset committed after the DLQ write',
      60_000,
    );
    const dlq = await readTopic(settings, dlqTopic(topic));
    try {
      const record = await waitFor(() => dlq.records[0], 'the dead letter');
      expect(record.key).toBe(event.subject);
      expect(record.headers[DLQ_HEADERS.reason]).toBe('never processable');
    } finally {
      await dlq.stop();
    }
  }, 120_000);
});
