import { type Envelope } from '@dhi/contracts';

/** Content type of a CloudEvents structured-mode message (CloudEvents Kafka protocol binding). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** Header values as Kafka clients hand them over (kafkajs: Buffer, string or arrays of either). */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** Correlation, causation and trace headers of an event, so consumers can log them without parsing the value. */
export function correlationHeaders(envelope: Envelope): Record<string, string> {
  const headers: Record<string, string> = {
    correlationid: envelope.correlationid,
    traceparent: envelope.traceparent,
  };
  if (envelope.causationid !== null) headers['causationid'] = envelope.causationid;
  return headers;
}

/** Every header a published event carries: content type, the CloudEvents routing attributes and correlation. */
export function eventHeaders(envelope: Envelope): Record<string, string> {
  return {
    'content-type': CLOUDEVENTS_CONTENT_TYPE,
    ce_specversion: envelope.specversion,
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.source,
    ce_subject: envelope.subject,
    ...correlationHeaders(envelope),
  };
}

/** The first value of a header as text, or undefined when it is absent. */
export function headerText(headers: RawHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Why and where a message failed, as carried by its dead-letter copy. */
export interface DeadLetterInfo {
  reason: string;
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  attempts: number;
  failedAt: Date;
}

export const DLQ_HEADERS = {
  reason: 'dhi-dlq-reason',
  originalTopic: 'dhi-dlq-original-topic',
  originalPartition: 'dhi-dlq-original-partition',
  originalOffset: 'dhi-dlq-original-offset',
  consumerGroup: 'dhi-dlq-consumer-group',
  failedAt: 'dhi-dlq-failed-at',
  attempts: 'dhi-dlq-attempts',
} as const;

// Kafka headers have no size limit of their own, but a huge stack or zod report would bloat every DLQ record.
const MAX_REASON_LENGTH = 4000;

/** The original headers plus the `dhi-dlq-*` ones describing the failure. */
export function deadLetterHeaders(original: RawHeaders | undefined, info: DeadLetterInfo): RawHeaders {
  const reason = info.reason.length > MAX_REASON_LENGTH ? `${info.reason.slice(0, MAX_REASON_LENGTH)}…` : info.reason;
  return {
    ...original,
    [DLQ_HEADERS.reason]: reason,
    [DLQ_HEADERS.originalTopic]: info.topic,
    [DLQ_HEADERS.originalPartition]: String(info.partition),
    [DLQ_HEADERS.originalOffset]: info.offset,
    [DLQ_HEADERS.consumerGroup]: info.groupId,
    [DLQ_HEADERS.failedAt]: info.failedAt.toISOString(),
    [DLQ_HEADERS.attempts]: String(info.attempts),
  };
}
