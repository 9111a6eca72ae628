import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position through an opaque base64url string', () => {
    const position = { at: '2026-01-02T03:04:05.123456Z', id: 'evt-1' };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each(['', '%%%', Buffer.from('[1,2]').toString('base64url'), encodeCursor({ at: '2026-01-02', id: 'x' }), encodeCursor({ at: '2026-01-02T03:04:05.123456Z', id: '' })])(
    'rejects %j with a 400 problem',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
    },
  );
});
