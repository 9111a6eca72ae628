import { randomUUID } from 'node:crypto';
import { AppError } from '@dhi/service-kit';
import { decodeCursor, encodeCursor, isUuid } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position through an opaque base64url string', () => {
    const position = { at: '2026-01-02T03:04:05.123456Z', id: randomUUID() };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each(['', 'not-base64!', Buffer.from('{"a":1}').toString('base64url'), encodeCursor({ at: 'yesterday', id: randomUUID() })])(
    'rejects %j with a 400 problem',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, code: 'invalid_cursor' });
      }
    },
  );

  it('recognises uuids only', () => {
    expect(isUuid(randomUUID())).toBe(true);
    expect(isUuid('42')).toBe(false);
  });
});
