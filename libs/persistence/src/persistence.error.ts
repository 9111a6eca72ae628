export type PersistenceErrorCode =
  | 'INVALID_SCHEMA_NAME'
  | 'INVALID_OPTIONS'
  | 'MISSING_BASE_MIGRATION'
  | 'INVALID_ENVELOPE'
  | 'NOT_IN_TRANSACTION'
  | 'NOT_A_TEST_DATABASE';

/** A persistence failure with a stable code and a message fit for an operator. */
export class PersistenceError extends Error {
  override readonly name = 'PersistenceError';

  constructor(
    readonly code: PersistenceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
