import { type Envelope } from '@dhi/contracts';
import { type KafkaSettings, tapTopics, type TappedRecord } from '@dhi/messaging';
import { pollUntil } from '../poll-until.js';

/** A tapped record whose value is a JSON object: an envelope, or what a dead-letter topic kept of one. */
export interface TappedEvent<T = unknown> {
  topic: string;
  key: string | null;
  envelope: Envelope<T>;
  /** The record's headers as text, e.g. `dhi-dlq-reason` on a dead-letter record. */
  headers: Record<string, string>;
}

/** What tapEvents has collected, with lookups by topic and subject (build id). */
export interface EventTap {
  events(): TappedEvent[];
  /** The envelopes of a topic, only those about `subject` when given. */
  of<T = unknown>(topic: string, subject?: string): Envelope<T>[];
  /** Waits for the first record of a topic about a subject. */
  first<T = unknown>(topic: string, subject: string, timeoutMs?: number): Promise<TappedEvent<T>>;
  stop(): Promise<void>;
}

function asEvent(record: TappedRecord): TappedEvent | undefined {
  try {
    const value: unknown = record.value === null ? null : JSON.parse(record.value.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return { topic: record.topic, key: record.key, envelope: value as Envelope, headers: record.headers };
  } catch {
    return undefined;
  }
}

/**
 * Collects every record of the (logical) topics from their beginning, as tapTopics does; meant for a test's own
 * namespace, where everything on the topics is the test's.
 */
export async function tapEvents(kafka: KafkaSettings, topics: string[]): Promise<EventTap> {
  const tap = await tapTopics(kafka, topics);
  const events = () => tap.records.map(asEvent).filter((e): e is TappedEvent => e !== undefined);
  const matching = (topic: string, subject?: string) =>
    events().filter((e) => e.topic === topic && (subject === undefined || e.envelope.subject === subject));
  return {
    events,
    of: <T>(topic: string, subject?: string) => matching(topic, subject).map((e) => e.envelope as Envelope<T>),
    first: <T>(topic: string, subject: string, timeoutMs = 30_000) =>
      pollUntil(() => matching(topic, subject)[0] as TappedEvent<T> | undefined, { timeoutMs, description: `a ${topic} record about ${subject}` }),
    stop: () => tap.stop(),
  };
}
