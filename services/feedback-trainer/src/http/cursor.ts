import { AppError } from '@dhi/service-kit';

/** A position in a list ordered by (timestamp DESC, id DESC); `at` keeps Postgres's microseconds exactly. */
export interface CursorPosition {
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** SQL that renders a timestamptz column as the `at` of a cursor (UTC, microseconds). */
export function cursorAtSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The opaque base64url cursor of a position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one this service wrote is a 400 problem. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      if (typeof at === 'string' && AT.test(at) && typeof id === 'string' && id.length > 0 && id.length <= 200) return { at, id };
    }
  } catch {
    // falls through to the problem below
  }
  throw new AppError('invalid_cursor', 400, 'Invalid cursor', 'The cursor is not one returned by this list; start again without it', {
    errors: [{ path: 'cursor', message: 'unknown cursor' }],
  });
}
