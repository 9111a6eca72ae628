import { AppError } from '@dhi/service-kit';
import { z } from 'zod';

/** The position after the last item of a page: keyset (createdAt, id), newest first. */
export interface BuildCursor {
  createdAt: Date;
  id: string;
}

const CursorJson = z.object({ t: z.iso.datetime(), i: z.uuid() });

/** An opaque base64url token for a position. */
export function encodeCursor(cursor: BuildCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.createdAt.toISOString(), i: cursor.id })).toString('base64url');
}

/** The position of a token made by encodeCursor; a 400 problem for anything else. */
export function decodeCursor(token: string): BuildCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = CursorJson.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid_cursor', 400, 'Invalid cursor', 'cursor is not a value returned as nextCursor by this API');
  }
  return { createdAt: new Date(parsed.data.t), id: parsed.data.i };
}
