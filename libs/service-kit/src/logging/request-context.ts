import { AsyncLocalStorage } from 'node:async_hooks';
import { type Envelope } from '@dhi/contracts';

/** What the current HTTP request or consumed event is about; every log line inside it carries these. */
export interface RequestContext {
  buildId?: string;
  correlationId?: string;
  traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The log context of the current request or event (AsyncLocalStorage). */
export const requestContext = {
  /** Runs fn with ctx merged over the enclosing context, so a nested run only adds what it knows. */
  run<T>(ctx: RequestContext, fn: () => T): T {
    const merged: RequestContext = { ...storage.getStore() };
    for (const [key, value] of Object.entries(ctx) as [keyof RequestContext, string | undefined][]) {
      if (value !== undefined) merged[key] = value;
    }
    return storage.run(merged, fn);
  },
  /** The current context, or an empty one outside any request or event. */
  get(): Readonly<RequestContext> {
    return storage.getStore() ?? {};
  },
};

/** Runs fn with the event's build id (subject), correlation id and traceparent as log context. */
export function withEventContext<T>(
  envelope: Pick<Envelope, 'subject' | 'correlationid' | 'traceparent'>,
  fn: () => T,
): T {
  return requestContext.run(
    { buildId: envelope.subject, correlationId: envelope.correlationid, traceparent: envelope.traceparent },
    fn,
  );
}
