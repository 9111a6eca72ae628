import { checkDeployment } from '@dhi/testing';
import { anomalyDetectorConfigShape } from '../src/config.js';

describe('anomaly-detector deployment', () => {
  it('docker-compose, Dockerfile and k8s manifest agree with the config the anomaly-detector reads', () => {
    expect(checkDeployment({ service: 'anomaly-detector', configShape: anomalyDetectorConfigShape })).toEqual([]);
  });
});
