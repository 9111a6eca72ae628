/** Why a build context is refused: not a tar, an entry breaking the rules, a limit, or no Dockerfile in it. */
export type ContextErrorCode = 'not_a_tar' | 'truncated' | 'unsafe_entry' | 'limit_exceeded' | 'missing_dockerfile';

/** A build context that cannot be accepted; `message` is written for the person who sent it. */
export class ContextError extends Error {
  override readonly name = 'ContextError';

  constructor(
    readonly code: ContextErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `error` is a ContextError. */
export function isContextError(error: unknown): error is ContextError {
  return error instanceof ContextError;
}
