import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { dlqTopic } from '@dhi/contracts';
import {
  deleteNamespace,
  DLQ_HEADERS,
  ensureTopics,
  EventPublisher,
  groupLag,
  KafkaEventTransport,
  physicalTopic,
  tapTopics,
} from '../src/index.js';
import { startConsumerApp } from './support/consumer-app.js';
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

// Two deployments sharing one cluster (e.g. every test run, or staging beside production) must never see each other.
describe('topic namespaces (real Kafka)', () => {
  const base = kafkaSettings();
  const spaceA = { ...base, topicPrefix: `ns-${randomSuffix()}.` };
  const spaceB = { ...base, topicPrefix: `ns-${randomSuffix()}.` };
  const topic = testTopic();
  const apps: INestApplication[] = [];
  const publisherA = new EventPublisher(spaceA, memoryLogger());

  function transport(settings: typeof spaceA): KafkaEventTransport {
    return new KafkaEventTransport({
      settings,
      groupId: `ns-${randomSuffix()}`,
      logger: memoryLogger(),
      validate: validateTestEvent,
      retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 10 },
    });
  }

  beforeAll(async () => {
    await ensureTopics(spaceA, [topic], { partitions: 1, logger: memoryLogger() });
    await ensureTopics(spaceB, [topic], { partitions: 1, logger: memoryLogger() });
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await publisherA.disconnect();
    const names = [topic, dlqTopic(topic)];
    await deleteTopics(base, [...names.map((t) => physicalTopic(spaceA, t)), ...names.map((t) => physicalTopic(spaceB, t))]);
  });

  it('publishes, consumes and dead-letters inside its own namespace only', async () => {
    const inA = await startConsumerApp<TestData>(topic, transport(spaceA));
    const inB = await startConsumerApp<TestData>(topic, transport(spaceB));
    apps.push(inA.app, inB.app);

    const buildId = randomUUID();
    const event = testEvent(topic, buildId, 1);
    await publisherA.publish(topic, event);
    await publisherA.publishRaw(topic, { key: buildId, value: 'not json' });

    await waitFor(() => inA.handled.some((c) => c.event.id === event.id), 'the event in namespace A');
    expect(inA.handled[0]!.ctx.topic).toBe(topic);
    await waitFor(async () => (await groupLag(spaceA, inA.handled[0]!.ctx.groupId, topic)) === 0, 'group A to commit both');

    const dlq = await readTopic(base, physicalTopic(spaceA, dlqTopic(topic)));
    try {
      await waitFor(() => dlq.records.length >= 1, 'the dead letter in namespace A');
      expect(dlq.records[0]!.headers[DLQ_HEADERS.originalTopic]).toBe(topic);
    } finally {
      await dlq.stop();
    }
    const raw = await readTopic(base, physicalTopic(spaceA, topic));
    try {
      await waitFor(() => raw.records.length >= 2, 'both records under the prefixed name');
    } finally {
      await raw.stop();
    }
    expect(inB.calls).toHaveLength(0);
  });
});

describe('tapTopics and deleteNamespace (real Kafka)', () => {
  const space = { ...kafkaSettings(), topicPrefix: `tap-${randomSuffix()}.` };
  const topic = testTopic();

  it('collects what was published under logical names, then deletes the whole namespace', async () => {
    await ensureTopics(space, [topic], { partitions: 2, logger: memoryLogger() });
    const publisher = new EventPublisher(space, memoryLogger());
    const event = testEvent(topic, randomUUID(), 1);
    await publisher.publish(topic, event);
    await publisher.disconnect();

    const tap = await tapTopics(space, [topic]);
    try {
      await waitFor(() => tap.records.length >= 1, 'the tapped record');
      expect(tap.records[0]).toMatchObject({ topic, key: event.subject });
      expect(tap.json()).toEqual([event]);
    } finally {
      await tap.stop();
    }
    const deleted = await deleteNamespace(space);
    expect(deleted.sort()).toEqual([physicalTopic(space, topic), physicalTopic(space, dlqTopic(topic))].sort());
    await expect(deleteNamespace({ ...space, topicPrefix: '' })).rejects.toThrow(/non-empty/);
  });
});
