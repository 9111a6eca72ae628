import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** Default 10000. */
  timeoutMs?: number;
  /** Default 100. */
  intervalMs?: number;
  /** What is being waited for, for the timeout message. */
  description?: string;
}

function describeLast(value: unknown, error: unknown): string {
  if (error !== undefined) return `last error: ${error instanceof Error ? error.message : String(error)}`;
  try {
    return `last value: ${JSON.stringify(value)}`;
  } catch {
    return `last value: ${String(value)}`;
  }
}

/** Polls fn until it returns a non-undefined/non-false value or timeoutMs elapses (then throws with the last value/error). */
export async function pollUntil<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: PollOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined | null | false = undefined;
    let error: unknown = undefined;
    try {
      value = await fn();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (caught) {
      error = caught ?? new Error('fn threw a nullish value');
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new Error(`${options.description ?? 'condition'} not met within ${timeoutMs} ms (${describeLast(value, error)})`, { cause: error });
    }
    await sleep(Math.min(intervalMs, remaining));
  }
}
