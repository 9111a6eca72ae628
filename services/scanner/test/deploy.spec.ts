import { checkDeployment } from '@dhi/testing';
import { scannerConfigShape } from '../src/config.js';

describe('scanner deployment', () => {
  it('docker-compose, Dockerfile and k8s manifest agree with the config the scanner reads', () => {
    expect(checkDeployment({ service: 'scanner', configShape: scannerConfigShape })).toEqual([]);
  });
});
