export type AdvisoryErrorCode =
  | 'invalid_record'
  | 'unreadable'
  | 'limit_exceeded'
  | 'unsupported'
  | 'invalid_vector';

/** A record or source that cannot be read; `message` is written for the person who runs the import. */
export class AdvisoryError extends Error {
  override readonly name = 'AdvisoryError';

  constructor(
    readonly code: AdvisoryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `error` is an AdvisoryError, optionally with the given code. */
export function isAdvisoryError(error: unknown, code?: AdvisoryErrorCode): error is AdvisoryError {
  return error instanceof AdvisoryError && (code === undefined || error.code === code);
}

/** The error as a value for a per-record report; errors that are not AdvisoryErrors become `unreadable`. */
export function toRecordError(error: unknown): { code: AdvisoryErrorCode; message: string } {
  if (isAdvisoryError(error)) return { code: error.code, message: error.message };
  return { code: 'unreadable', message: error instanceof Error ? error.message : String(error) };
}
