// the last word of a name says what its value is: DB_PASSWORD holds a password, PASSWORD_FILE a path
const CREDENTIAL_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'auth']);
const FUSED_KEYS = new Set(['apikey', 'accesskey', 'secretkey', 'privatekey', 'authkey', 'masterkey', 'signingkey', 'encryptionkey']);
// a bare "key" is anything (a sort key, a map key, a public key); these make it a credential
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'auth', 'client', 'app', 'account', 'master', 'encryption', 'signing', 'session',
  'license', 'service', 'admin', 'webhook', 'hmac', 'jwt', 'shared', 'crypt', 'cipher', 'subscription',
]);
// a value encoding suffix keeps the meaning of the word before it: SECRET_KEY_BASE, client-key-data, TOKEN_VALUE
const ENCODING_SUFFIXES = new Set(['base', 'value', 'string', 'data', 'b64', 'base64', 'hex', 'raw', 'plain', 'text', 'str', 'val', 'encoded']);

/** The words of an identifier: snake, kebab, dotted and camel case all split. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a name says its value is a credential: it ends in a credential word (`DB_PASSWORD`, `authToken`), in a
 * qualified key (`API_KEY`, `client_secret_key`), or in one of these followed by an encoding suffix (`SECRET_KEY_BASE`).
 */
export function isCredentialName(name: string): boolean {
  const words = nameWords(name);
  // PWD and OLDPWD are the shell's working directories
  if (words.length === 1 && (words[0] === 'pwd' || words[0] === 'oldpwd')) return false;
  if (words.length > 1 && ENCODING_SUFFIXES.has(words[words.length - 1])) words.pop();
  const last = words[words.length - 1] ?? '';
  if (CREDENTIAL_WORDS.has(last) || FUSED_KEYS.has(last)) return true;
  return (last === 'key' || last === 'keys') && words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]);
}
