/** How often a failing handler is tried and how long to wait between tries (exponential backoff). */
export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

/** The default policy with the given overrides; rejects values that would never retry or wait forever. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError(`retry.attempts must be an integer >= 1, got ${policy.attempts}`);
  }
  if (!(policy.initialDelayMs >= 0) || !(policy.maxDelayMs >= policy.initialDelayMs)) {
    throw new RangeError(
      `retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs, got ${policy.initialDelayMs} and ${policy.maxDelayMs}`,
    );
  }
  return policy;
}

/** Delay before try number `failedAttempt + 1`: initialDelayMs doubled per failed try, capped at maxDelayMs. */
export function backoffDelay(failedAttempt: number, policy: RetryPolicy): number {
  // Capped so that 2 ** exponent stays finite (0 * Infinity would be NaN).
  const exponent = Math.min(Math.max(0, failedAttempt - 1), 30);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}
