import { assertSchemaName, qualified, schemaOf, serviceSchemaName } from './schema-name.js';

describe('schema names', () => {
  it('derives the schema from the service name', () => {
    expect(serviceSchemaName('anomaly-detector')).toBe('anomaly_detector');
    expect(serviceSchemaName('feedback-trainer')).toBe('feedback_trainer');
    expect(serviceSchemaName('scanner')).toBe('scanner');
  });

  it.each(['', 'Scanner', '1abc', 'a-b', 'a"b', 'pg_temp', 'x'.repeat(64), 'scanner; DROP'])('rejects %j', (name) => {
    expect(() => assertSchemaName(name)).toThrow(expect.objectContaining({ code: 'INVALID_SCHEMA_NAME' }));
  });

  it('quotes qualified names and reads the schema of a DataSource', () => {
    expect(qualified('scanner', 'outbox')).toBe('"scanner"."outbox"');
    expect(schemaOf({ options: { schema: 'review' } })).toBe('review');
    expect(schemaOf({ options: {} })).toBe('public');
  });
});
