export type ProfileErrorCode = 'invalid_option' | 'filesystem_not_read';

/** A misuse of the profile read, with a code callers can switch on. */
export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}
