export type VersionErrorCode = 'invalid_version' | 'unknown_ecosystem';

/** A version string (or ecosystem name) that cannot be ordered; returned as a value, thrown only by `compareVersions`. */
export class VersionError extends Error {
  override readonly name = 'VersionError';

  constructor(
    readonly code: VersionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `value` is a VersionError, optionally with the given code. */
export function isVersionError(value: unknown, code?: VersionErrorCode): value is VersionError {
  return value instanceof VersionError && (code === undefined || value.code === code);
}

/** The error for a string that `scheme` cannot parse, with the reason in user-facing words. */
export function invalidVersion(scheme: string, raw: string, reason: string): VersionError {
  return new VersionError('invalid_version', `"${raw}" is not a valid ${scheme} version: ${reason}`);
}
