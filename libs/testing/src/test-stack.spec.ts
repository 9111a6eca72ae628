import { requireTestStack } from './test-stack.js';

describe('requireTestStack', () => {
  const saved = { kafka: process.env.KAFKA_BROKERS, db: process.env.DATABASE_URL };
  afterEach(() => {
    for (const [key, value] of [['KAFKA_BROKERS', saved.kafka], ['DATABASE_URL', saved.db]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('reads a comma list of brokers and the database url', () => {
    process.env.KAFKA_BROKERS = ' 127.0.0.1:19092, 127.0.0.1:29092 ,';
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:15432/postgres';
    expect(requireTestStack()).toEqual({
      kafkaBrokers: ['127.0.0.1:19092', '127.0.0.1:29092'],
      databaseUrl: 'postgres://postgres@127.0.0.1:15432/postgres',
    });
  });

  it('names what is missing and how to run the tests', () => {
    delete process.env.KAFKA_BROKERS;
    process.env.DATABASE_URL = '';
    expect(() => requireTestStack()).toThrow(/KAFKA_BROKERS and DATABASE_URL are not set.*npm test/);
  });
});
