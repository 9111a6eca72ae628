import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { ALL_TOPICS, type BuildRequested, createEvent, dlqTopic, TOPICS } from '@dhi/contracts';
import { ensureTopics, EventPublisher, KafkaEventTransport } from '../src/index.js';
import { startConsumerApp, whenConnected } from './support/consumer-app.js';
import {
  deleteTopics,
  kafkaSettings,
  memoryLogger,
  randomSuffix,
  readTopic,
  testEvent,
  type TestData,
  testTopic,
  validateTestEvent,
  waitFor,
} from './support/kafka-test-kit.js';

describe('EventPublisher -> KafkaEventTransport (real Kafka)', () => {
  const settings = kafkaSettings();
  const topic = testTopic();
  const publisher = new EventPublisher(settings, memoryLogger());
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    await ensureTopics(settings, [topic], { partitions: 3, logger: memoryLogger() });
    await publisher.connect();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await deleteTopics(settings, [topic, dlqTopic(topic)]);
  });

  it('publishes with the build id as key and correlation headers, as CloudEvents JSON', async () => {
    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, { ...event, causationid: 'cause-1' });
    const reader = await readTopic(settings, topic);
    try {
      const record = await waitFor(() => reader.records.find((r) => r.key === event.subject), 'the published record');
      expect(JSON.parse(record.value!.toString())).toEqual({ ...event, causationid: 'cause-1' });
      expect(record.headers).toMatchObject({
        'content-type': 'application/cloudevents+json',
        ce_type: topic,
        ce_id: event.id,
        correlationid: event.correlationid,
        causationid: 'cause-1',
        traceparent: event.traceparent,
      });
    } finally {
      await reader.stop();
    }
  });

  it('hands the validated envelope and its context to the @EventPattern handler', async () => {
    const groupId = `delivery-${randomSuffix()}`;
    const transport = new KafkaEventTransport({ settings, groupId, logger: memoryLogger(), validate: validateTestEvent });
    const consumer = await startConsumerApp<TestData>(topic, transport);
    apps.push(consumer.app);

    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, event);

    const call = await waitFor(() => consumer.handled.find((c) => c.event.id === event.id), 'the handled event');
    expect(call.event).toEqual(event);
    expect(call.ctx).toMatchObject({ topic, attempt: 1, groupId });
    expect(call.ctx.partition).toBeGreaterThanOrEqual(0);
    expect(call.ctx.offset).toMatch(/^\d+$/);
  });

  it('keeps the events of one build on one partition, in order', async () => {
    const transport = new KafkaEventTransport({
      settings,
      groupId: `order-${randomSuffix()}`,
      logger: memoryLogger(),
      validate: validateTestEvent,
      partitionsConsumedConcurrently: 3,
    });
    const consumer = await startConsumerApp<TestData>(topic, transport, async () => {
      // Uneven handler times would reorder events if partitions were not processed strictly in order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    });
    apps.push(consumer.app);

    const builds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const events = Array.from({ length: 10 }, (_, seq) => builds.map((b) => testEvent(topic, b, seq))).flat();
    await publisher.publishBatch(events.slice(0, 20).map((envelope) => ({ topic, envelope })));
    for (const envelope of events.slice(20)) await publisher.publish(topic, envelope);

    await waitFor(() => builds.every((b) => consumer.handled.filter((c) => c.event.subject === b).length === 10), 'all 40 events');
    for (const build of builds) {
      const mine = consumer.handled.filter((c) => c.event.subject === build);
      expect(new Set(mine.map((c) => c.ctx.partition)).size).toBe(1);
      expect(mine.map((c) => c.event.data.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('validates with the contracts by default on the real topics', async () => {
    await ensureTopics(settings, ALL_TOPICS, { logger: memoryLogger() });
    // fromBeginning false: a new group on a shared topic must not replay the history of other test runs.
    const transport = new KafkaEventTransport({
      settings,
      groupId: `contracts-${randomSuffix()}`,
      logger: memoryLogger(),
      fromBeginning: false,
    });
    const consumer = await startConsumerApp<BuildRequested>(TOPICS.buildRequested, transport);
    apps.push(consumer.app);
    await whenConnected(transport);

    const buildId = randomUUID();
    const event = createEvent(
      TOPICS.buildRequested,
      buildId,
      {
        buildId,
        name: 'dhi/node',
        tag: '22-test',
        lineage: 'dhi/node',
        source: { kind: 'registry', reference: 'registry.local/dhi/node:22' },
        submitter: 'alice',
      },
      { source: 'urn:dhi:messaging-test' },
    );
    await publisher.publish(TOPICS.buildRequested, event);
    const call = await waitFor(() => consumer.handled.find((c) => c.event.subject === buildId), 'the build.requested event');
    expect(call.event).toEqual(event);
  });
});
