import { randomBytes, randomUUID } from 'node:crypto';
import { type BuildCompleted, createEvent, dlqTopic, type Envelope, TOPICS } from '@dhi/contracts';
import { EventPublisher, groupLag, tapTopics } from '@dhi/messaging';
import { pollUntil, sampleImageSpec, startTestPlatform, type TestPlatform } from '@dhi/testing';
import { archiveOf, getJson, submitArchive } from '../support/http.js';
import { StallingProxy } from '../support/stall-proxy.js';

// DESIGN §4: killing a service at any moment loses no build and duplicates no result; redelivery changes nothing.
describe('crashes, redelivery and poison messages (service processes, real Kafka and PostgreSQL)', () => {
  let platform: TestPlatform;
  let publisher: EventPublisher;
  let original: Envelope<BuildCompleted>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    publisher = new EventPublisher(platform.kafka, { info: () => undefined, warn: () => undefined, error: () => undefined });
    // A real build gives a real build.completed to replay with new ids.
    const name = `dhi/e2e-crash-${randomBytes(3).toString('hex')}`;
    const submitted = await submitArchive(platform.url('build'), await archiveOf(sampleImageSpec(name), 'oci-archive'), { name, tag: '1' });
    const id = String(submitted.body['id']);
    const tap = await tapTopics(platform.kafka, [TOPICS.buildCompleted]);
    try {
      original = await pollUntil(() => tap.json<Envelope<BuildCompleted>>().find((e) => e.subject === id), {
        timeoutMs: 30_000,
        description: 'the build.completed of the seed build',
      });
    } finally {
      await tap.stop();
    }
  }, 240_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await platform?.stop();
  });

  function replay(blobsUrl: string): Envelope<BuildCompleted> {
    const buildId = randomUUID();
    return createEvent(TOPICS.buildCompleted, buildId, { ...original.data, buildId, blobs: { baseUrl: blobsUrl } }, { source: 'dhi/e2e' });
  }

  async function scanCompletedIds(buildId: string): Promise<string[]> {
    const tap = await tapTopics(platform.kafka, [TOPICS.scanCompleted]);
    try {
      // Everything published before the tap started is read first; one poll past the end is enough.
      await pollUntil(() => tap.records.length > 0, { timeoutMs: 15_000, description: 'scan.completed records' });
      return tap.json<Envelope>().filter((e) => e.subject === buildId).map((e) => e.id);
    } finally {
      await tap.stop();
    }
  }

  it('SIGKILL of the scanner in the middle of reading an image: the build is scanned exactly once after restart', async () => {
    const proxy = new StallingProxy(original.data.blobs.baseUrl);
    const event = replay(`${await proxy.start()}`);
    try {
      await publisher.publish(TOPICS.buildCompleted, event);
      await pollUntil(() => proxy.requests.length >= 2, { timeoutMs: 30_000, description: 'the analysers to start reading blobs' });
      await platform.services.scanner.stop('SIGKILL');
      proxy.release();
      await platform.services.scanner.start();

      await pollUntil(
        async () => (await fetch(`${platform.url('scanner')}/v1/builds/${event.subject}/findings`)).status === 200,
        { timeoutMs: 60_000, description: 'the restarted scanner to finish the build' },
      );
      const cases = await pollUntil(
        async () => {
          const list = await getJson<{ items: unknown[] }>(`${platform.url('review')}/v1/reviews?buildId=${event.subject}`);
          return list.items.length > 0 ? list.items : undefined;
        },
        { timeoutMs: 30_000, description: 'the review case of the recovered build' },
      );
      expect(cases).toHaveLength(1);
      expect(new Set(await scanCompletedIds(event.subject)).size).toBe(1);
    } finally {
      await proxy.stop();
    }
  });

  it('a redelivered build.completed changes nothing', async () => {
    const event = replay(original.data.blobs.baseUrl);
    await publisher.publish(TOPICS.buildCompleted, event);
    await pollUntil(async () => (await fetch(`${platform.url('scanner')}/v1/builds/${event.subject}/findings`)).status === 200, {
      timeoutMs: 60_000,
      description: 'the first delivery to be scanned',
    });
    await publisher.publish(TOPICS.buildCompleted, event);
    for (const group of ['scanner', 'anomaly-detector']) {
      await pollUntil(async () => (await groupLag(platform.kafka, group, TOPICS.buildCompleted)) === 0, {
        timeoutMs: 30_000,
        description: `${group} to consume the redelivery`,
      });
    }
    expect(await scanCompletedIds(event.subject)).toHaveLength(1);
    const list = await getJson<{ items: unknown[] }>(`${platform.url('review')}/v1/reviews?buildId=${event.subject}`);
    expect(list.items).toHaveLength(1);
  });

  it('a poison message goes to the dead-letter topic with its reason while the next build still flows', async () => {
    const key = randomUUID();
    await publisher.publishRaw(TOPICS.buildCompleted, { key, value: '{"specversion":"1.0","data":"truncated' });
    const next = replay(original.data.blobs.baseUrl);
    await publisher.publish(TOPICS.buildCompleted, next);

    await pollUntil(async () => (await fetch(`${platform.url('scanner')}/v1/builds/${next.subject}/findings`)).status === 200, {
      timeoutMs: 60_000,
      description: 'the build after the poison message',
    });
    const tap = await tapTopics(platform.kafka, [dlqTopic(TOPICS.buildCompleted)]);
    try {
      const dead = await pollUntil(
        () => {
          const mine = tap.records.filter((r) => r.key === key);
          return mine.length >= 2 ? mine : undefined;
        },
        { timeoutMs: 30_000, description: 'a dead letter from each analyser' },
      );
      expect(dead.map((r) => r.headers['dhi-dlq-consumer-group']).sort()).toEqual(['anomaly-detector', 'scanner']);
      for (const record of dead) expect(record.headers['dhi-dlq-reason']).toMatch(/JSON/);
    } finally {
      await tap.stop();
    }
  });
});
