import { type ImageErrorCode, isImageError } from '@dhi/image';
import { AppError } from '@dhi/service-kit';

// Not an archive at all, or cut short: a malformed request. The rest: a well-formed archive that cannot be accepted.
const STATUS: Record<ImageErrorCode, number> = {
  not_an_image: 400,
  truncated: 400,
  digest_mismatch: 422,
  missing_blob: 422,
  limit_exceeded: 422,
  unsupported: 422,
  no_matching_platform: 422,
  invalid_manifest: 422,
};

const TITLE: Record<ImageErrorCode, string> = {
  not_an_image: 'Not an image archive',
  truncated: 'Truncated image archive',
  digest_mismatch: 'Digest mismatch',
  missing_blob: 'Missing blob',
  limit_exceeded: 'Image limit exceeded',
  unsupported: 'Unsupported image',
  no_matching_platform: 'No image for the platform',
  invalid_manifest: 'Invalid image manifest',
};

/** The problem for an image that cannot be imported: an ImageError keeps its code and user-facing message. */
export function toUploadProblem(error: unknown): unknown {
  if (!isImageError(error)) return error;
  return new AppError(error.code, STATUS[error.code], TITLE[error.code], error.message, { code: error.code });
}
