import { AppError } from '@dhi/service-kit';
import { type ContextErrorCode, isContextError } from '../build-context/context-error.js';

// Not a readable tar, or no Dockerfile: a malformed request. An entry against the rules or a limit: refused content.
const STATUS: Record<ContextErrorCode, number> = {
  not_a_tar: 400,
  truncated: 400,
  missing_dockerfile: 400,
  unsafe_entry: 422,
  limit_exceeded: 422,
};

const TITLE: Record<ContextErrorCode, string> = {
  not_a_tar: 'Not a tar archive',
  truncated: 'Truncated build context',
  missing_dockerfile: 'No Dockerfile in the build context',
  unsafe_entry: 'Unsafe build context entry',
  limit_exceeded: 'Build context limit exceeded',
};

/** The problem for a build context that cannot be accepted: a ContextError keeps its code and user-facing message. */
export function toContextProblem(error: unknown): unknown {
  if (!isContextError(error)) return error;
  return new AppError(error.code, STATUS[error.code], TITLE[error.code], error.message, { code: error.code });
}
