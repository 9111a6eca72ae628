import { type Severity } from '@dhi/contracts';

/**
 * Which match wins where two formats match overlapping text: a private key block over anything inside it, a token with
 * a distinctive prefix over a context rule (a URL, an `_authToken=` line) that holds it, any of those over the generic
 * keyword rule.
 */
export const PRIORITY = { privateKey: 3, prefixed: 2, context: 1, generic: 0 } as const;

/** What the scanner knows about the text a candidate was found in. */
export interface ScanContext {
  /** The text is program source (`.js`, `.py`, …): an unquoted value there is an expression, never a literal. */
  sourceCode: boolean;
}

/** A credential format recognised by content. */
export interface SecretFormat {
  /** `secret.<format>`. */
  id: string;
  /** The credential's name as its owner knows it: `GitHub personal access token`. */
  title: string;
  severity: Severity;
  /** What holding it allows, for the rule's rationale. */
  grants: string;
  /**
   * Lower-case strings of which at least one occurs (case-insensitively) inside every match: the pattern only runs on text
   * holding one, and the streaming window relies on the keyword lying inside the match.
   */
  keywords: readonly string[];
  /**
   * Flags `gd` (plus `i` where needed); bounded quantifiers only, so that no match is longer than the scanner's window.
   * The named group `secret` holds the secret (else the whole match).
   */
  pattern: RegExp;
  priority: number;
  /** The gitleaks rule id of the same format, where one exists. */
  gitleaks?: string;
  /** False for a look-alike: a dummy value, a public value, a malformed structure. */
  accept?: (secret: string, match: RegExpExecArray, context: ScanContext) => boolean;
  /** The form that is fingerprinted and redacted (a key body without line breaks); the secret as found otherwise. */
  canonical?: (secret: string) => string;
  /** Values published in the vendor's documentation, never reported. */
  examples?: readonly string[] | RegExp;
  /** Report at the start of the match rather than of the secret (a PEM block at its BEGIN line). */
  reportAtMatch?: boolean;
  /** The name the secret was assigned to, kept as the match's `keyword` (generic rule). */
  keywordOf?: (match: RegExpExecArray) => string | undefined;
  /** The secret is a private key: file permissions are no protection. */
  privateKey?: boolean;
}

/** A pattern with the flags every format needs: global (the scanner resumes at an offset) and match indices. */
export function pattern(source: string, caseInsensitive = false): RegExp {
  return new RegExp(source, caseInsensitive ? 'gdi' : 'gd');
}

/** The boundaries of a self-identifying token. */
export interface TokenShape {
  /** Characters that may not come right before the token (default: ASCII letters and digits). */
  before?: string;
  /** Characters that may not come right after it (default: letters, digits, `_` and `-`). */
  after?: string;
  caseInsensitive?: boolean;
}

/** A self-identifying token (`ghp_…`, `xoxb-…`): the whole token is the secret, bounded on both sides. */
export function tokenPattern(body: string, shape: TokenShape = {}): RegExp {
  const before = shape.before ?? 'A-Za-z0-9';
  const after = shape.after ?? 'A-Za-z0-9_-';
  return pattern(`(?<![${before}])(?<secret>${body})(?![${after}])`, shape.caseInsensitive);
}

type TokenFormatSpec = Omit<SecretFormat, 'pattern' | 'priority'> & { body: string; shape?: TokenShape; priority?: number };

/** A SecretFormat for a self-identifying token. */
export function tokenFormat(spec: TokenFormatSpec): SecretFormat {
  const { body, shape, ...rest } = spec;
  return { priority: PRIORITY.prefixed, ...rest, pattern: tokenPattern(body, shape) };
}

/**
 * `<name> = <value>` (also `:`, `:=`, `=>`, quoted or not) where the name contains `name` (case-insensitive): group
 * `name` is the whole assigned name, `secret` the value. Both parts are bounded.
 */
export function assignmentPattern(name: string, value: string): RegExp {
  return pattern(
    `(?<![A-Za-z0-9_.-])(?<name>[A-Za-z0-9_.-]{0,40}?(?:${name})[A-Za-z0-9_.-]{0,30})["'\\]]{0,2}[ \\t]{0,4}(?:=>|:=|=|:)[ \\t]{0,4}["'\`]?(?<secret>${value})`,
    true,
  );
}
