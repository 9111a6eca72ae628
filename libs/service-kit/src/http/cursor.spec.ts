import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { decodeCursor, encodeCursor, isUuid, pageQuery } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position through an opaque base64url string', () => {
    for (const at of ['2026-01-02T03:04:05.123456Z', '2026-01-02T03:04:05.678Z']) {
      const position = { at, id: randomUUID() };
      const cursor = encodeCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual(position);
      expect(decodeCursor(cursor, isUuid)).toEqual(position);
    }
  });

  it.each([
    '',
    'not-base64!',
    '%%%',
    Buffer.from('[1,2]').toString('base64url'),
    encodeCursor({ at: '2026-01-02', id: 'x' }),
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('{"t":"yesterday","i":"x"}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
    encodeCursor({ at: 'yesterday', id: randomUUID() }),
    encodeCursor({ at: '2026-13-45T03:04:05.123Z', id: randomUUID() }),
    encodeCursor({ at: '2026-01-02T03:04:05.123Z', id: '' }),
    encodeCursor({ at: '2026-01-02T03:04:05.123Z', id: 'x'.repeat(201) }),
  ])('rejects %j with a 400 invalid_cursor problem', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
  });

  it('checks the id with the given predicate', () => {
    const cursor = encodeCursor({ at: '2026-01-02T03:04:05.123456Z', id: 'evt-1' });
    expect(decodeCursor(cursor)).toEqual({ at: '2026-01-02T03:04:05.123456Z', id: 'evt-1' });
    expect(() => decodeCursor(cursor, isUuid)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
  });

  it('recognises uuids only', () => {
    expect(isUuid(randomUUID())).toBe(true);
    expect(isUuid('42')).toBe(false);
  });

  it('parses limit and cursor of a page query, with limit 20 by default and 1-100 allowed', () => {
    const query = z.object(pageQuery);
    expect(query.parse({})).toEqual({ limit: 20 });
    expect(query.parse({ limit: '100', cursor: 'abc' })).toEqual({ limit: 100, cursor: 'abc' });
    for (const bad of [{ limit: '0' }, { limit: '101' }, { limit: '1.5' }, { cursor: '' }, { cursor: 'x'.repeat(513) }]) {
      expect(query.safeParse(bad).success).toBe(false);
    }
  });
});
