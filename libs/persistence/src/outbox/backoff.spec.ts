import { backoffDelay, KeyBackoff } from './backoff.js';

describe('backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10, 100].map((n) => backoffDelay(n, 100, 1000))).toEqual([100, 100, 200, 400, 800, 1000, 1000]);
  });

  it('holds a failing key until its retry time and releases it on success', () => {
    const keys = new KeyBackoff(1000, 30_000);
    expect(keys.fail('k1', 0)).toBe(1000);
    expect(keys.fail('k1', 1000)).toBe(2000);
    keys.fail('k2', 0);
    expect(keys.held(500)).toEqual(['k1', 'k2']);
    expect(keys.held(1500)).toEqual(['k1']);
    expect(keys.held(3000)).toEqual([]);
    keys.succeed('k1');
    expect(keys.fail('k1', 5000)).toBe(1000);
  });
});
