import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { childTraceparent, Envelope, type EventCause } from './envelope.js';
import { AnomalyCompleted, FindingPublished, ScanCompleted, ScanRematched } from './events/analysis.js';
import { BuildCompleted, BuildFailed, BuildRequested } from './events/build.js';
import { ModelPublished, ReviewCompleted, ReviewDecision, ReviewOpened } from './events/review.js';
import { type Topic, TOPICS } from './topics.js';

/** One runtime schema per topic; the TypeScript types derive from these. */
export const EVENT_SCHEMAS = {
  [TOPICS.buildRequested]: BuildRequested,
  [TOPICS.buildCompleted]: BuildCompleted,
  [TOPICS.buildFailed]: BuildFailed,
  [TOPICS.scanCompleted]: ScanCompleted,
  [TOPICS.scanRematched]: ScanRematched,
  [TOPICS.findings]: FindingPublished,
  [TOPICS.anomalyCompleted]: AnomalyCompleted,
  [TOPICS.reviewOpened]: ReviewOpened,
  [TOPICS.reviewDecision]: ReviewDecision,
  [TOPICS.reviewCompleted]: ReviewCompleted,
  [TOPICS.modelPublished]: ModelPublished,
} as const satisfies Record<Topic, z.ZodType>;

export type EventData<T extends Topic> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** The `dataschema` URI of a topic's payload schema. */
export function dataSchemaUri(topic: Topic): string {
  return `urn:dhi:schema:${topic}`;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

/** Validates a decoded message against the envelope and its topic's payload schema. */
export function validateEvent<T extends Topic>(topic: T, raw: unknown): ValidationResult<Envelope<EventData<T>>> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `invalid envelope: ${describe(envelope.error)}` };
  if (envelope.data.type !== topic) {
    return { ok: false, error: `event type ${envelope.data.type} does not belong on topic ${topic}` };
  }
  const schema: z.ZodType = EVENT_SCHEMAS[topic];
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, error: `invalid ${topic} payload: ${describe(data.error)}` };
  return { ok: true, value: { ...envelope.data, data: data.data as EventData<T> } };
}

/** Builds a valid envelope for a topic; throws if the payload breaks its schema (a programming error). */
export function createEvent<T extends Topic>(
  topic: T,
  subject: string,
  data: EventData<T>,
  options: { source: string; cause?: EventCause; id?: string; time?: Date },
): Envelope<EventData<T>> {
  const schema: z.ZodType = EVENT_SCHEMAS[topic];
  const parsed = schema.parse(data) as EventData<T>;
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: options.source,
    type: topic,
    time: (options.time ?? new Date()).toISOString(),
    subject,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(topic),
    correlationid: options.cause?.correlationId ?? randomUUID(),
    causationid: options.cause?.causationId ?? null,
    traceparent: childTraceparent(options.cause?.traceparent),
    data: parsed,
  };
}
