import { checkDeployment } from '@dhi/testing';
import { reviewConfigShape } from '../src/config.js';

describe('review deployment', () => {
  it('compose, Dockerfile and k8s agree with the variables the service reads', () => {
    expect(checkDeployment({ service: 'review', configShape: reviewConfigShape })).toEqual([]);
  });
});
