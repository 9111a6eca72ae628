export type RegistryErrorCode =
  | 'invalid_reference'
  | 'registry_unauthorized'
  | 'registry_not_found'
  | 'registry_unreachable'
  | 'registry_error';

/**
 * A registry pull that cannot succeed as asked; `message` is written for the person who submitted the reference and
 * never contains a credential or token.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    /** True when trying again later may succeed (the registry was down or answered 5xx). */
    readonly transient = false,
  ) {
    super(message);
  }
}

/** True when `error` is a RegistryError, optionally with the given code. */
export function isRegistryError(error: unknown, code?: RegistryErrorCode): error is RegistryError {
  return error instanceof RegistryError && (code === undefined || error.code === code);
}
