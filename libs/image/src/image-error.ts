export type ImageErrorCode =
  | 'not_an_image'
  | 'truncated'
  | 'digest_mismatch'
  | 'missing_blob'
  | 'limit_exceeded'
  | 'unsupported'
  | 'no_matching_platform'
  | 'invalid_manifest';

/** An image that cannot be accepted; `message` is written for the person who uploaded it. */
export class ImageError extends Error {
  override readonly name = 'ImageError';

  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `error` is an ImageError, optionally with the given code. */
export function isImageError(error: unknown, code?: ImageErrorCode): error is ImageError {
  return error instanceof ImageError && (code === undefined || error.code === code);
}
