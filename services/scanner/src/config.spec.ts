import { ConfigError, loadConfig } from '@dhi/service-kit';
import { databaseOptions, scannerConfigShape } from './config.js';

describe('scanner config', () => {
  it('defaults to port 8082 and consumer group scanner', () => {
    expect(loadConfig(scannerConfigShape, {})).toMatchObject({ PORT: 8082, KAFKA_GROUP_ID: 'scanner' });
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig(scannerConfigShape, { KAFKA_GROUP_ID: 'no spaces' })).toThrow(ConfigError);
    expect(() => loadConfig(scannerConfigShape, { KAFKA_GROUP_ID: 'no spaces' })).toThrow(/^KAFKA_GROUP_ID: expected a Kafka consumer group id/);
  });

  it('owns the scanner schema, with the base migration first', () => {
    const options = databaseOptions({ DATABASE_URL: 'postgres://u@h/db' });
    expect(options.schema).toBe('scanner');
    expect(options.migrations.map((m) => m.name)).toEqual(['PersistenceBase1000000000000', 'CreateScannerTables1767312000000', 'CreateAdvisoryTables1767398400000', 'CreateSbomTable1767484800000', 'CreateMatchingTables1767571200000', 'AddScanReport1767657600000']);
  });
});
