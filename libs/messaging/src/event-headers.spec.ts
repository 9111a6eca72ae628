import { createEvent, TOPICS } from '@dhi/contracts';
import { correlationHeaders, deadLetterHeaders, DLQ_HEADERS, eventHeaders, headerText } from './event-headers.js';

const buildId = '0b9c6a52-4a57-4d36-9a39-3f1f3c4f2a10';

function failedEvent(cause?: { correlationId: string; causationId: string }) {
  return createEvent(
    TOPICS.buildFailed,
    buildId,
    { buildId, stage: 'build', reason: 'Dockerfile not found', logRef: null },
    { source: 'urn:dhi:build', cause },
  );
}

describe('eventHeaders', () => {
  it('carries content type, CloudEvents attributes and correlation', () => {
    const event = failedEvent({ correlationId: 'corr-1', causationId: 'cause-1' });
    expect(eventHeaders(event)).toEqual({
      'content-type': 'application/cloudevents+json',
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: TOPICS.buildFailed,
      ce_source: 'urn:dhi:build',
      ce_subject: buildId,
      correlationid: 'corr-1',
      causationid: 'cause-1',
      traceparent: event.traceparent,
    });
  });

  it('leaves causationid out for an event without a cause', () => {
    const headers = correlationHeaders(failedEvent());
    expect(headers).not.toHaveProperty('causationid');
    expect(headers['correlationid']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('deadLetterHeaders', () => {
  const info = { topic: 't', partition: 2, offset: '41', groupId: 'g', attempts: 3, failedAt: new Date(0) };

  it('keeps the original headers and adds the failure', () => {
    const headers = deadLetterHeaders({ correlationid: Buffer.from('c') }, { ...info, reason: 'boom' });
    expect(headerText(headers, 'correlationid')).toBe('c');
    expect(headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'boom',
      [DLQ_HEADERS.originalTopic]: 't',
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '41',
      [DLQ_HEADERS.consumerGroup]: 'g',
      [DLQ_HEADERS.failedAt]: '1970-01-01T00:00:00.000Z',
      [DLQ_HEADERS.attempts]: '3',
    });
  });

  it('truncates a very long reason', () => {
    const headers = deadLetterHeaders(undefined, { ...info, reason: 'x'.repeat(10_000) });
    expect(headerText(headers, DLQ_HEADERS.reason)).toHaveLength(4001);
  });
});

describe('headerText', () => {
  it('reads strings, buffers and the first of repeated values', () => {
    expect(headerText({ a: 'x', b: Buffer.from('y'), c: [Buffer.from('z'), 'w'] }, 'a')).toBe('x');
    expect(headerText({ b: Buffer.from('y') }, 'b')).toBe('y');
    expect(headerText({ c: [Buffer.from('z'), 'w'] }, 'c')).toBe('z');
    expect(headerText(undefined, 'a')).toBeUndefined();
  });
});
