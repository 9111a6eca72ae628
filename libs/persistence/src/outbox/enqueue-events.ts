import { Envelope } from '@dhi/contracts';
import { type EntityManager } from 'typeorm';
import { qualified, schemaOf } from '../database/schema-name.js';
import { PersistenceError } from '../persistence.error.js';

const CHUNK = 1000;

export interface OutboxItem {
  topic: string;
  envelope: Envelope;
}

/** Adds events to the outbox inside the caller's transaction. */
export async function enqueueEvents(manager: EntityManager, items: OutboxItem[]): Promise<void> {
  // outside a transaction the events would commit apart from the state change they announce
  if (!manager.queryRunner?.isTransactionActive) {
    throw new PersistenceError(
      'NOT_IN_TRANSACTION',
      'enqueueEvents needs the EntityManager of an open transaction (dataSource.transaction(...))',
    );
  }
  if (items.length === 0) return;
  const rows = items.map(({ topic, envelope }) => {
    if (!topic) throw new PersistenceError('INVALID_ENVELOPE', 'outbox item has an empty topic');
    const parsed = Envelope.safeParse(envelope);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new PersistenceError('INVALID_ENVELOPE', `event for ${topic} has an invalid envelope: ${reason}`);
    }
    // stringified by hand: pg would encode an array-valued field as a Postgres array, not JSON
    return [envelope.id, topic, envelope.subject, JSON.stringify(envelope)];
  });
  const schema = schemaOf(manager.connection);
  // inserted in order, so seq follows the order of items; chunks stay under Postgres's 65535 bind parameters
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values = chunk.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`);
    await manager.query(
      `INSERT INTO ${qualified(schema, 'outbox')} (id, topic, key, envelope) VALUES ${values.join(', ')}`,
      chunk.flat(),
    );
  }
}
