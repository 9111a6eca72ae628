import { z } from 'zod';
import { Envelope } from './envelope.js';
import { dataSchemaUri, EVENT_SCHEMAS } from './registry.js';
import { type Topic } from './topics.js';

/** JSON Schema (draft 2020-12) of every topic's full message, for subscribers outside this codebase. */
export function exportJsonSchemas(): Record<Topic, object> {
  const out = {} as Record<Topic, object>;
  for (const [topic, data] of Object.entries(EVENT_SCHEMAS) as [Topic, z.ZodType][]) {
    const message = Envelope.extend({ type: z.literal(topic), data });
    out[topic] = { $id: dataSchemaUri(topic), title: topic, ...z.toJSONSchema(message, { io: 'input' }) };
  }
  return out;
}
