import { ALL_TOPICS, type Envelope, type Topic, validateEvent, type ValidationResult } from '@dhi/contracts';

/** Checks a decoded message against what its topic carries; the transport's default is the contracts registry. */
export type EventValidator = (topic: string, raw: unknown) => ValidationResult<Envelope>;

function isContractTopic(topic: string): topic is Topic {
  return (ALL_TOPICS as readonly string[]).includes(topic);
}

/** Validates with the contracts' envelope and per-topic payload schema; a topic without a schema is invalid. */
export const validateContractEvent: EventValidator = (topic, raw) =>
  isContractTopic(topic) ? validateEvent(topic, raw) : { ok: false, error: `no event schema for topic ${topic}` };
