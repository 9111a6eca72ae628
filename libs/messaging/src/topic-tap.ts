import { randomBytes } from 'node:crypto';
import { type IHeaders } from 'kafkajs';
import { createKafka, type KafkaSettings, physicalTopic } from './kafka-settings.js';
import { type MessagingLogger } from './messaging-logger.js';

/** One record as it is on the wire. */
export interface TappedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Records collected so far, and how to stop collecting. */
export interface TopicTap {
  records: TappedRecord[];
  /** Decoded JSON values of the records that are JSON (envelopes, usually). */
  json<T = unknown>(): T[];
  stop(): Promise<void>;
}

const quiet: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

function decode(value: Buffer | null): unknown {
  try {
    return value === null ? undefined : JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Reads (logical) topics from their beginning with a throw-away consumer group and collects every record, without
 * committing anything: for operators' tools and tests that watch what the platform publishes.
 */
export async function tapTopics(settings: KafkaSettings, topics: string[]): Promise<TopicTap> {
  const records: TappedRecord[] = [];
  const groupId = physicalTopic(settings, `tap-${randomBytes(6).toString('hex')}`);
  const consumer = createKafka(settings, quiet).consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
  const logical = new Map(topics.map((t) => [physicalTopic(settings, t), t]));
  await consumer.connect();
  await consumer.subscribe({ topics: [...logical.keys()], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      records.push({
        topic: logical.get(topic) ?? topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: textHeaders(message.headers),
      });
    },
  });
  return {
    records,
    json: <T>() => records.map((r) => decode(r.value)).filter((v): v is T => v !== undefined),
    stop: () => consumer.disconnect(),
  };
}

/** Deletes every topic of a namespace (topics starting with settings.topicPrefix); refuses an empty prefix. */
export async function deleteNamespace(settings: KafkaSettings): Promise<string[]> {
  const prefix = settings.topicPrefix ?? '';
  if (prefix.length === 0) throw new Error('deleteNamespace needs a non-empty topicPrefix');
  const admin = createKafka(settings, quiet).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    return topics;
  } finally {
    await admin.disconnect();
  }
}

/** Messages of a (logical) topic that a consumer group has not committed yet, summed over partitions. */
export async function groupLag(settings: KafkaSettings, groupId: string, topic: string): Promise<number> {
  const admin = createKafka(settings, quiet).admin();
  const physical = physicalTopic(settings, topic);
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId: physicalTopic(settings, groupId), topics: [physical] });
    const ends = await admin.fetchTopicOffsets(physical);
    const done = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((lag, p) => {
      const at = done.get(p.partition) ?? -1;
      return lag + Number(p.high) - (at < 0 ? Number(p.low) : at);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}
