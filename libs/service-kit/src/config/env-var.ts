import { z } from 'zod';

/**
 * One environment variable: `parse` turns the raw string into a value or returns undefined when it is invalid;
 * `describe` says what a valid value looks like and ends up in the error message. An empty string counts as unset.
 */
export function envVar<T>(describe: string, parse: (raw: string) => T | undefined, fallback?: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `required, expected ${describe}` });
        return z.NEVER;
      }
      const parsed = parse(value);
      if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected ${describe}, got ${JSON.stringify(raw ?? value)}` });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A TCP port, 1-65535; `fallback` is the service's default port. */
export function portVar(fallback?: number) {
  return envVar(
    'an integer 1-65535',
    (raw) => {
      if (!/^\d{1,5}$/.test(raw)) return undefined;
      const port = Number(raw);
      return port >= 1 && port <= 65535 ? port : undefined;
    },
    fallback === undefined ? undefined : String(fallback),
  );
}

/** A postgres:// or postgresql:// URL with a host. */
export function postgresUrlVar(fallback?: string) {
  return envVar(
    'a postgres:// URL',
    (raw) => {
      try {
        const url = new URL(raw);
        return ['postgres:', 'postgresql:'].includes(url.protocol) && url.hostname !== '' ? raw : undefined;
      } catch {
        return undefined;
      }
    },
    fallback,
  );
}

/** A comma-separated list of host:port broker addresses. */
export function brokersVar(fallback?: string) {
  return envVar(
    'a comma-separated list of host:port',
    (raw) => {
      const brokers = raw.split(',').map((b) => b.trim()).filter((b) => b !== '');
      const valid = brokers.every((b) => {
        const match = /^(.+):(\d{1,5})$/.exec(b);
        return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 65535;
      });
      return brokers.length > 0 && valid ? brokers : undefined;
    },
    fallback,
  );
}

/** One of a fixed set of strings. */
export function enumVar<const T extends string>(values: readonly T[], fallback?: T) {
  return envVar(`one of ${values.join(', ')}`, (raw) => values.find((v) => v === raw), fallback);
}

/** An integer written in plain digits between min and max (inclusive), or undefined. */
export function wholeNumberIn(raw: string, min: number, max: number): number | undefined {
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  return value >= min && value <= max ? value : undefined;
}

/** A whole number of `unit` between min and max, e.g. `wholeNumberVar('ms', 100, 3_600_000, 5000)`. */
export function wholeNumberVar(unit: string, min: number, max: number, fallback?: number) {
  return envVar(`an integer ${min}-${max} (${unit})`, (raw) => wholeNumberIn(raw, min, max), fallback === undefined ? undefined : String(fallback));
}
