import { pollUntil } from './poll-until.js';

describe('pollUntil', () => {
  it('returns the first value that is not undefined, null or false', async () => {
    let calls = 0;
    const value = await pollUntil(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
  });

  it('accepts 0 and empty strings as values', async () => {
    expect(await pollUntil(() => 0)).toBe(0);
    expect(await pollUntil(async () => '')).toBe('');
  });

  it('keeps polling through errors and reports the last one on timeout', async () => {
    await expect(
      pollUntil(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 30, intervalMs: 5, description: 'the build to finish' },
      ),
    ).rejects.toThrow(/the build to finish not met within 30 ms \(last error: not yet\)/);
  });

  it('reports the last value on timeout', async () => {
    await expect(pollUntil(() => false, { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow('last value: false');
  });
});
