import { decodeCursor, encodeCursor } from './build-cursor.js';

describe('build cursor', () => {
  it('round-trips a position as an opaque url-safe token', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '0b9e7a3c-6a51-4b8e-9d1e-3f2a1b0c9d8e' };
    const token = encodeCursor(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(position);
  });

  it.each(['', 'not-base64!', Buffer.from('{"t":"yesterday","i":"x"}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'refuses %j with a 400 invalid_cursor problem',
    (token) => {
      expect(() => decodeCursor(token)).toThrow(expect.objectContaining({ code: 'invalid_cursor', status: 400 }));
    },
  );
});
