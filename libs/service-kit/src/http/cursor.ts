import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** A position in a list ordered by (timestamp DESC, id DESC); `at` is an ISO time (milli- or microseconds, UTC). */
export interface CursorPosition {
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{3}|\d{6})Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// ids of text keys (e.g. event ids) are bounded, so a cursor cannot smuggle an arbitrary payload into a query
const anyId = (id: string) => id.length > 0 && id.length <= 200;

/** `limit` (1-100, default 20) and `cursor` of a list query; spread into the list's zod object. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
};

/** SQL that renders a timestamptz column as the `at` of a cursor (UTC, microseconds, as Postgres keeps it). */
export function cursorAtSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The opaque base64url cursor of a position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back; `isId` checks the id part (default: 1-200 characters). Anything that is not a cursor this
 * list wrote is AppError 400 `invalid_cursor`.
 */
export function decodeCursor(cursor: string, isId: (id: string) => boolean = anyId): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      if (typeof at === 'string' && AT.test(at) && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && isId(id)) return { at, id };
    }
  } catch {
    // falls through to the problem below
  }
  throw new AppError('invalid_cursor', 400, 'Invalid cursor', 'The cursor is not one returned by this list; start again without it', {
    errors: [{ path: 'cursor', message: 'unknown cursor' }],
  });
}
