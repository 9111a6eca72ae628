/** Exponential delay: base·2^(failures-1), capped; 0 failures → base. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  if (failures <= 0) return baseMs;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
}

/**
 * Keys whose head event failed to publish, each held back until its own retry time. Holding back every row of
 * the key keeps that key's order while the other keys keep flowing.
 */
export class KeyBackoff {
  private readonly entries = new Map<string, { failures: number; retryAt: number }>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}

  /** Records a failure of the key and returns how long it is now held back. */
  fail(key: string, now: number): number {
    const failures = (this.entries.get(key)?.failures ?? 0) + 1;
    const delay = backoffDelay(failures, this.baseMs, this.maxMs);
    this.entries.set(key, { failures, retryAt: now + delay });
    return delay;
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  /** Keys still waiting for their retry time. */
  held(now: number): string[] {
    return [...this.entries].filter(([, entry]) => entry.retryAt > now).map(([key]) => key);
  }
}
