import { backoffDelay, DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './retry-policy.js';

describe('backoffDelay', () => {
  it('doubles from the initial delay and caps at the maximum', () => {
    const policy = { attempts: 10, initialDelayMs: 200, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, policy))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('never overflows for very large attempt numbers', () => {
    expect(backoffDelay(5000, DEFAULT_RETRY_POLICY)).toBe(5000);
  });

  it('is zero when the initial delay is zero', () => {
    expect(backoffDelay(3, { attempts: 3, initialDelayMs: 0, maxDelayMs: 0 })).toBe(0);
  });
});

describe('resolveRetryPolicy', () => {
  it('defaults to 5 attempts, 200 ms, 5 s', () => {
    expect(resolveRetryPolicy()).toEqual({ attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 });
  });

  it('applies partial overrides', () => {
    expect(resolveRetryPolicy({ attempts: 2 })).toEqual({ attempts: 2, initialDelayMs: 200, maxDelayMs: 5000 });
  });

  it.each([{ attempts: 0 }, { attempts: 1.5 }, { initialDelayMs: -1 }, { initialDelayMs: 100, maxDelayMs: 50 }])(
    'rejects %p',
    (overrides) => {
      expect(() => resolveRetryPolicy(overrides)).toThrow(RangeError);
    },
  );
});
