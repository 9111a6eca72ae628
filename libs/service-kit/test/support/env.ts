/** The real Kafka and Postgres of the test stack; integration tests refuse to run without them. */
export function integrationEnv(): { kafkaBrokers: string[]; databaseUrl: string } {
  const brokers = process.env['KAFKA_BROKERS'];
  const databaseUrl = process.env['DATABASE_URL'];
  if (!brokers || !databaseUrl) {
    throw new Error('integration tests need KAFKA_BROKERS and DATABASE_URL (an admin URL of a Postgres server)');
  }
  return { kafkaBrokers: brokers.split(',').map((b) => b.trim()), databaseUrl };
}
