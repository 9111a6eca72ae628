import { type DataSource, type EntityManager } from 'typeorm';
import { qualified, schemaOf } from '../database/schema-name.js';
import { PersistenceError } from '../persistence.error.js';

export interface ProcessedKey {
  consumer: string;
  eventId: string;
}

export type HandleOnceResult<T> = { duplicate: true } | { duplicate: false; result: T };

/** Runs fn in one transaction together with recording (consumer, eventId); a redelivered event runs nothing. */
export async function handleOnce<T>(
  dataSource: DataSource,
  key: ProcessedKey,
  fn: (manager: EntityManager) => Promise<T>,
): Promise<HandleOnceResult<T>> {
  if (!key.consumer || !key.eventId) {
    throw new PersistenceError('INVALID_OPTIONS', 'handleOnce needs a non-empty consumer and eventId');
  }
  const table = qualified(schemaOf(dataSource), 'processed_events');
  return dataSource.transaction(async (manager): Promise<HandleOnceResult<T>> => {
    // a concurrent delivery of the same event blocks on this row until the first commits (→ duplicate) or
    // rolls back (→ it runs), so effects happen exactly once
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [key.consumer, key.eventId],
    );
    if (inserted.length === 0) return { duplicate: true };
    return { duplicate: false, result: await fn(manager) };
  });
}
