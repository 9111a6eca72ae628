import { randomUUID } from 'node:crypto';

/** Header carrying the correlation id of a request; generated when missing and echoed on every response. */
export const CORRELATION_HEADER = 'x-correlation-id';
/** W3C trace context header. */
export const TRACEPARENT_HEADER = 'traceparent';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The caller's correlation id if it is a sane token, else a fresh UUID (a header never reaches logs unchecked). */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = first(header)?.trim();
  return value !== undefined && SAFE_ID.test(value) ? value : randomUUID();
}

/** The caller's traceparent if well-formed. */
export function traceparentFrom(header: string | string[] | undefined): string | undefined {
  const value = first(header)?.trim().toLowerCase();
  return value !== undefined && TRACEPARENT.test(value) ? value : undefined;
}
