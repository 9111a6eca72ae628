import { checkDeployment } from '@dhi/testing';
import { trainerConfigShape } from '../src/config.js';

describe('feedback-trainer deployment', () => {
  it('compose, Dockerfile and k8s agree with the variables the service reads', () => {
    expect(checkDeployment({ service: 'feedback-trainer', configShape: trainerConfigShape })).toEqual([]);
  });
});
