/** A messaging failure as a value: a stable code and a message that can be shown to an operator. */
export class MessagingError extends Error {
  constructor(
    readonly code: 'INVALID_BROKERS' | 'PUBLISH_FAILED' | 'ADMIN_FAILED' | 'NOT_CONNECTED' | 'INVALID_PATTERN',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MessagingError';
  }
}

/**
 * Thrown by a handler when retrying cannot help (the event is well-formed but can never be processed): the message
 * goes straight to the dead-letter topic with this error's message as the reason.
 */
export class PoisonMessageError extends Error {
  readonly code = 'POISON_MESSAGE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

/** True for a PoisonMessageError, also when it comes from another copy of this module (checked by name). */
export function isPoisonMessageError(error: unknown): boolean {
  return error instanceof PoisonMessageError || (error instanceof Error && error.name === 'PoisonMessageError');
}

/** A one-line description of anything thrown, for logs and the `dhi-dlq-reason` header. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
