/**
 * Errors as values: a stable machine code, the HTTP status, a short user-facing title and an optional detail.
 * `extra` adds members to the problem JSON (e.g. `errors[]` for field errors); it never overrides the standard ones.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

/** One invalid field of a request, as listed in a 400 problem's `errors[]`. */
export interface FieldError {
  /** Dotted path of the field inside the validated value; empty for the value itself. */
  path: string;
  message: string;
}
