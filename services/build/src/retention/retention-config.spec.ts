import { buildSettings, loadBuildConfig } from '../config.js';

const BASE = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('blob retention settings', () => {
  it('default to a 24 hour grace period and an hourly run', () => {
    expect(buildSettings(loadBuildConfig(BASE)).retention).toEqual({ graceHours: 24, intervalMinutes: 60 });
  });

  it('accept an interval of 0 (job disabled)', () => {
    const config = loadBuildConfig({ ...BASE, BLOB_RETENTION_INTERVAL_MINUTES: '0', BLOB_RETENTION_GRACE_HOURS: '1' });
    expect(buildSettings(config).retention).toEqual({ graceHours: 1, intervalMinutes: 0 });
  });

  it.each([
    ['BLOB_RETENTION_GRACE_HOURS', '0'],
    ['BLOB_RETENTION_GRACE_HOURS', '1.5'],
    ['BLOB_RETENTION_INTERVAL_MINUTES', '-1'],
    ['BLOB_RETENTION_INTERVAL_MINUTES', 'hourly'],
  ])('refuse %s=%s, naming the variable', (name, value) => {
    expect(() => loadBuildConfig({ ...BASE, [name]: value })).toThrow(name);
  });
});
