import { distinctChars } from './redaction.js';

// a variable or template reference instead of a value: ${X}, $X, $(X), {{ x }}, %X%, <password>, {user}, @X@
const TEMPLATE = /\$\{|\$\(|\{\{|%[A-Za-z_][A-Za-z0-9_]*%|<[^>]*>?|^\$[A-Za-z_]|^\{[^}]*\}?$|\{[A-Za-z_][\w.]*\}|^@[A-Za-z_]+@$/;
// words only documentation, templates and tests put where a credential goes
const DUMMY_WORDS =
  /example|sample|dummy|placeholder|change[_-]?me|change[_-]?it|replace|redacted|your[_-]?|xxxx|\*\*\*|\.\.\.|not[_-]?a[_-]?real|notreal|fake|insert[_-]|fixme|todo|foo[_-]?bar|lorem|secret[_-]?here|token[_-]?here|key[_-]?here/i;
const NON_VALUES = new Set(['true', 'false', 'null', 'nil', 'none', 'undefined', 'empty', 'required', 'optional', 'string', 'str', 'value', 'default']);
// the value repeats what it stands for: password=password, token: mytoken1
const SELF_NAMED = /pass(?:word|wd)|secret|token|api[_-]?key|credential/i;

/** Whether a value assigned to a credential name is a dummy value, a template or a variable reference rather than a value. */
export function isDummyValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0 || NON_VALUES.has(trimmed.toLowerCase())) return true;
  if (TEMPLATE.test(trimmed) || DUMMY_WORDS.test(trimmed) || SELF_NAMED.test(trimmed)) return true;
  return distinctChars(trimmed) <= 3;
}

// the whole password is one of these words, optionally prefixed: "password", "mypassword", "YOUR_PASSWORD", "secret"
const PASSWORD_WORD = /^(?:my|your|the|some|db|user|admin|new)?[_-]?(?:password|passwd|pwd|secret)$/i;

/**
 * Whether the password of a `scheme://user:password@host` URL is a dummy value: a template, a documentation word, the
 * user name again, or too short or too uniform to be a credential (`abc`, `1111`, `xxxx`).
 */
export function isDummyPassword(password: string, user: string): boolean {
  if (password.length < 4 || distinctChars(password) <= 2 || password === user) return true;
  if (PASSWORD_WORD.test(password) || /replace|your[_-]|example|placeholder|changeme|redacted/i.test(password)) return true;
  return TEMPLATE.test(password);
}

/** Whether a string is mostly a human-written identifier path (`process.env.TOKEN`, `os.environ`) rather than a literal. */
export function looksLikeCode(value: string): boolean {
  return /[()[\]]/.test(value) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) || /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\|\/(?:run|etc|var|home|Users|usr|opt|tmp|secrets?|mnt|app|root|data|srv)\/)/.test(value);
}
