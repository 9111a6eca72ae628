import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IsoTime } from './common.js';

/** The CloudEvents 1.0 structured-mode envelope every message carries (DESIGN §3). */
export const Envelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  time: IsoTime,
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().min(1),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).nullable(),
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'W3C traceparent'),
  data: z.unknown(),
});
export type Envelope<T = unknown> = Omit<z.infer<typeof Envelope>, 'data'> & { data: T };

/** Where an event came from, to chain correlation, causation and trace ids. */
export interface EventCause {
  correlationId: string;
  causationId: string | null;
  traceparent?: string;
}

/** A fresh W3C traceparent, or a child span of the given one. */
export function childTraceparent(parent?: string): string {
  const span = randomUUID().replace(/-/g, '').slice(0, 16);
  const match = parent?.match(/^00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/);
  if (match) return `00-${match[1]}-${span}-${match[2]}`;
  return `00-${randomUUID().replace(/-/g, '')}-${span}-01`;
}

/** The cause that an event handler passes on to the events it emits. */
export function causedBy(envelope: Envelope): EventCause {
  return { correlationId: envelope.correlationid, causationId: envelope.id, traceparent: envelope.traceparent };
}
