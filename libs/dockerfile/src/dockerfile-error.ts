/** Why a Dockerfile could not be (fully) checked. */
export type DockerfileErrorCode =
  | 'too_large'
  | 'binary'
  | 'line_endings'
  | 'unparseable'
  | 'no_from'
  | 'unknown_instruction'
  | 'from_without_image'
  | 'check_failed';

export interface DockerfileError {
  code: DockerfileErrorCode;
  message: string;
  /** 1-based line, when the problem has one. */
  line?: number;
}

/** A Dockerfile error value. */
export function dockerfileError(code: DockerfileErrorCode, message: string, line?: number): DockerfileError {
  return line === undefined ? { code, message } : { code, message, line };
}

/** An error as the one-line text `checkDockerfile` reports: `code: line N: message`. */
export function formatDockerfileError(error: DockerfileError): string {
  return `${error.code}: ${error.line === undefined ? '' : `line ${error.line}: `}${error.message}`;
}
