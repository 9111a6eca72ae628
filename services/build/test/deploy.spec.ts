import { checkDeployment } from '@dhi/testing';
import { buildConfigShape } from '../src/config.js';

describe('deployment of the build service', () => {
  it('docker-compose, the Dockerfile and the Kubernetes manifest agree with the variables the service reads', () => {
    expect(checkDeployment({ service: 'build', configShape: buildConfigShape })).toEqual([]);
  });
});
