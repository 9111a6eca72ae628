export interface TestStack {
  kafkaBrokers: string[];
  /** An admin URL of a server where tests may CREATE DATABASE. */
  databaseUrl: string;
}

/** Reads KAFKA_BROKERS and DATABASE_URL or throws a clear error telling to run tests via `npm test`. */
export function requireTestStack(): TestStack {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  const databaseUrl = (process.env.DATABASE_URL ?? '').trim();
  const missing = [brokers.length === 0 ? 'KAFKA_BROKERS' : null, databaseUrl === '' ? 'DATABASE_URL' : null].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: integration tests need the real Kafka and PostgreSQL. ` +
        'Run them via `npm test` (which starts the test stack), or set KAFKA_BROKERS=host:port[,...] and ' +
        'DATABASE_URL=postgres://user@host:port/postgres to existing servers.',
    );
  }
  return { kafkaBrokers: brokers, databaseUrl };
}
