import { ConfigError, loadConfig } from '@dhi/service-kit';
import { anomalyDetectorConfigShape } from './config.js';

describe('anomaly-detector config', () => {
  it('defaults to port 8083, group anomaly-detector and a baseline window of 20', () => {
    expect(loadConfig(anomalyDetectorConfigShape, {})).toMatchObject({ PORT: 8083, KAFKA_GROUP_ID: 'anomaly-detector', BASELINE_WINDOW: 20 });
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig(anomalyDetectorConfigShape, { BASELINE_WINDOW: '0' })).toThrow(ConfigError);
    expect(() => loadConfig(anomalyDetectorConfigShape, { BASELINE_WINDOW: 'many' })).toThrow(/^BASELINE_WINDOW: expected an integer 1-1000/);
    expect(() => loadConfig(anomalyDetectorConfigShape, { KAFKA_GROUP_ID: 'no spaces' })).toThrow(/^KAFKA_GROUP_ID: /);
  });
});
