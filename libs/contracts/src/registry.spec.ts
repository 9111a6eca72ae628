import { randomUUID } from 'node:crypto';
import { createEvent, validateEvent } from './registry.js';
import { TOPICS, ALL_TOPICS, dlqTopic } from './topics.js';
import { exportJsonSchemas } from './json-schema.js';

const buildId = randomUUID();
const failed = { buildId, stage: 'store', reason: 'layer digest mismatch', logRef: null };

describe('event registry', () => {
  it('creates an envelope that validates against its own topic', () => {
    const event = createEvent(TOPICS.buildFailed, buildId, failed, { source: 'dhi/build' });
    expect(event).toMatchObject({ specversion: '1.0', type: TOPICS.buildFailed, subject: buildId, causationid: null });
    expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const result = validateEvent(TOPICS.buildFailed, JSON.parse(JSON.stringify(event)));
    expect(result).toEqual({ ok: true, value: event });
  });

  it('keeps correlation and trace ids along a causal chain', () => {
    const first = createEvent(TOPICS.buildFailed, buildId, failed, { source: 'dhi/build' });
    const second = createEvent(TOPICS.buildFailed, buildId, failed, {
      source: 'dhi/build',
      cause: { correlationId: first.correlationid, causationId: first.id, traceparent: first.traceparent },
    });
    expect(second.correlationid).toBe(first.correlationid);
    expect(second.causationid).toBe(first.id);
    expect(second.traceparent.split('-')[1]).toBe(first.traceparent.split('-')[1]);
    expect(second.traceparent.split('-')[2]).not.toBe(first.traceparent.split('-')[2]);
  });

  it('rejects an event on the wrong topic, a broken envelope and a broken payload with a reason', () => {
    const event = createEvent(TOPICS.buildFailed, buildId, failed, { source: 'dhi/build' });
    expect(validateEvent(TOPICS.buildCompleted, event)).toEqual({ ok: false, error: expect.stringContaining('does not belong') });
    expect(validateEvent(TOPICS.buildFailed, { ...event, specversion: '0.3' })).toEqual({
      ok: false,
      error: expect.stringContaining('specversion'),
    });
    const bad = validateEvent(TOPICS.buildFailed, { ...event, data: { ...failed, buildId: 'nope' } });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('buildId') });
    expect(validateEvent(TOPICS.buildFailed, 'text')).toMatchObject({ ok: false });
  });

  it('refuses to create an event whose payload breaks its schema', () => {
    expect(() => createEvent(TOPICS.buildFailed, buildId, { ...failed, reason: '' }, { source: 'x' })).toThrow();
  });

  it('names every topic by the dhi.<entity>.<event>.v<major> convention with a dlq twin', () => {
    for (const topic of ALL_TOPICS) expect(topic).toMatch(/^dhi\.[a-z]+(\.[a-z]+)?\.v\d+$/);
    expect(dlqTopic(TOPICS.scanCompleted)).toBe('dhi.scan.completed.v1.dlq');
  });

  it('exports a JSON Schema for every topic', () => {
    const schemas = exportJsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual([...ALL_TOPICS].sort());
    const completed = schemas[TOPICS.buildCompleted] as { required: string[]; properties: Record<string, unknown> };
    expect(completed.required).toEqual(expect.arrayContaining(['id', 'type', 'subject', 'data', 'traceparent']));
    expect(completed.properties['type']).toEqual({ type: 'string', const: TOPICS.buildCompleted });
  });
});
