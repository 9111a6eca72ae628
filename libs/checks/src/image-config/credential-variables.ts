/** Variable names that hold credentials: `DB_PASSWORD`, `GITHUB_TOKEN`, `API_KEY`, `CLIENT_SECRET`, `SECRET_KEY_BASE`. */
const CREDENTIAL_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|TOKEN|SECRET|SECRET_?KEY(_BASE)?|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CLIENT_SECRET|CREDENTIALS?)$/i;
// the shell's working directory, not a password
const NOT_CREDENTIALS = new Set(['PWD', 'OLDPWD']);
const DUMMY_VALUES = new Set(['none', 'null', 'nil', 'undefined', 'empty', 'placeholder', 'replace_me', 'replaceme', 'todo', 'tbd', 'dummy', 'example', 'redacted', 'true', 'false', 'yes', 'no']);

/** Whether a variable's name says it holds a credential. */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !NOT_CREDENTIALS.has(name.toUpperCase());
}

/**
 * Whether a value is not itself a credential: empty, a reference (`$VAR`, `${VAR}`), a `<…>` stand-in, one repeated
 * character (`xxxx`, `****`), a path (`/run/secrets/db`) or a word like `none`. Defaults like `changeme` are credentials.
 */
export function isDummyValue(raw: string): boolean {
  const value = raw.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (value === '' || value.startsWith('/')) return true;
  if (/^\$\{?\w+(:?-[^}]*)?\}?$/.test(value) || /^<[^>]*>$/.test(value) || /^(.)\1*$/.test(value)) return true;
  return DUMMY_VALUES.has(value.toLowerCase());
}

/** `NAME=value` split at the first `=`; null when there is no `=`. */
export function splitAssignment(text: string): { name: string; value: string } | null {
  const equals = text.indexOf('=');
  return equals <= 0 ? null : { name: text.slice(0, equals), value: text.slice(equals + 1) };
}

/**
 * The build arguments a RUN history entry records: `|2 API_TOKEN=abc OTHER=x /bin/sh -c ...` (docker, buildah and
 * BuildKit all write the count, then that many `name=value` words).
 */
export function buildArgsOf(createdBy: string): { name: string; value: string }[] {
  const match = /^\|(\d+)\s+(.*)$/s.exec(createdBy);
  if (!match) return [];
  const words = match[2].split(/\s+/).slice(0, Number(match[1]));
  return words.map(splitAssignment).filter((arg): arg is { name: string; value: string } => arg !== null);
}
