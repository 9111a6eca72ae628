import { randomBytes, randomUUID } from 'node:crypto';
import { type Envelope, type ValidationResult, Envelope as EnvelopeSchema } from '@dhi/contracts';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { z } from 'zod';
import { type KafkaSettings, type MessagingLogger, parseBrokers } from '../../src/index.js';

/** Settings for the real test broker; fails clearly when KAFKA_BROKERS is not set. */
export function kafkaSettings(): KafkaSettings {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: these integration tests need a real Kafka, e.g. KAFKA_BROKERS=127.0.0.1:19092');
  }
  return { brokers: parseBrokers(brokers), clientId: `messaging-test-${randomSuffix()}`, retries: 3 };
}

export function randomSuffix(): string {
  return randomBytes(5).toString('hex');
}

/** A topic name of this test run, in the platform's naming scheme. */
export function testTopic(): string {
  return `dhi.test-${randomSuffix()}.v1`;
}

/** Polls until check() returns a value other than undefined/false, or fails after timeoutMs. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: object;
  msg: string;
}

/** A logger that keeps lines in memory, so tests stay quiet and can assert on what was logged. */
export function memoryLogger(): MessagingLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
    debug: (obj, msg) => lines.push({ level: 'debug', obj, msg }),
  };
}

const TestData = z.object({ buildId: z.string(), seq: z.number().int() });
export type TestData = z.infer<typeof TestData>;

/** Validator for the tests' own topics: the real envelope schema, a tiny payload schema. */
export function validateTestEvent(topic: string, raw: unknown): ValidationResult<Envelope> {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `invalid envelope: ${envelope.error.issues[0]?.message}` };
  if (envelope.data.type !== topic) return { ok: false, error: `event type ${envelope.data.type} is not ${topic}` };
  const data = TestData.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, error: `invalid payload: ${data.error.issues[0]?.message}` };
  return { ok: true, value: { ...envelope.data, data: data.data } };
}

/** A valid envelope for a test topic. */
export function testEvent(topic: string, buildId: string, seq: number): Envelope<TestData> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'urn:dhi:messaging-test',
    type: topic,
    time: new Date().toISOString(),
    subject: buildId,
    datacontenttype: 'application/json',
    dataschema: `urn:dhi:schema:${topic}`,
    correlationid: randomUUID(),
    causationid: null,
    traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    data: { buildId, seq },
  };
}

export interface RawRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

function kafka(settings: KafkaSettings): Kafka {
  return new Kafka({ clientId: settings.clientId, brokers: settings.brokers, logLevel: logLevel.NOTHING });
}

/** Reads a topic from its beginning with a throw-away group, collecting every record. */
export async function readTopic(settings: KafkaSettings, topic: string): Promise<{ records: RawRecord[]; stop(): Promise<void> }> {
  const records: RawRecord[] = [];
  const consumer: Consumer = kafka(settings).consumer({ groupId: `reader-${randomSuffix()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      records.push({
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: textHeaders(message.headers),
      });
    },
  });
  return { records, stop: () => consumer.disconnect() };
}

/** Committed offset of a group per partition (-1 when none), and the end offset of each partition. */
export async function groupProgress(
  settings: KafkaSettings,
  groupId: string,
  topic: string,
): Promise<{ committed: Record<number, string>; end: Record<number, string> }> {
  const admin = kafka(settings).admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return {
      committed: Object.fromEntries((offsets?.partitions ?? []).map((p) => [p.partition, p.offset])),
      end: Object.fromEntries(ends.map((p) => [p.partition, p.high])),
    };
  } finally {
    await admin.disconnect();
  }
}

/** Partitions holding records whose committed offset is not their end offset (empty partitions never commit). */
export function uncommitted(progress: { committed: Record<number, string>; end: Record<number, string> }): number[] {
  return Object.entries(progress.end)
    .filter(([partition, end]) => end !== '0' && progress.committed[Number(partition)] !== end)
    .map(([partition]) => Number(partition));
}

/** Partition count of each topic, or undefined for a missing topic. */
export async function partitionCounts(settings: KafkaSettings, topics: string[]): Promise<Record<string, number | undefined>> {
  const admin = kafka(settings).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    const meta = present.length ? await admin.fetchTopicMetadata({ topics: present }) : { topics: [] };
    const counts: Record<string, number | undefined> = Object.fromEntries(topics.map((t) => [t, undefined]));
    for (const t of meta.topics) counts[t.name] = t.partitions.length;
    return counts;
  } finally {
    await admin.disconnect();
  }
}

/** Creates topics without their `.dlq` twins (to test a failing dead-letter write). */
export async function createBareTopic(settings: KafkaSettings, topic: string, partitions = 1): Promise<void> {
  const admin = kafka(settings).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the given topics, ignoring those already gone. */
export async function deleteTopics(settings: KafkaSettings, topics: string[]): Promise<void> {
  const admin = kafka(settings).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  } finally {
    await admin.disconnect();
  }
}
