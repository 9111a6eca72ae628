import { distinctChars } from '../redaction.js';
import { pattern, PRIORITY, type SecretFormat, tokenFormat } from '../secret-format.js';

// armour headers between the BEGIN line and the body: Proc-Type/DEK-Info (encrypted PEM), Version/Comment (PGP);
// `\n` escapes stand for newlines where the key sits in a JSON or YAML string
const ARMOUR_HEADERS = String.raw`(?:(?:\\[nr]|[ \t\r\n]){1,4}[A-Za-z-]{1,40}:[^\r\n\\]{1,200}){0,6}`;
const BODY = String.raw`(?<secret>(?:[A-Za-z0-9+/=]|\\[nr]|[ \t\r\n]){50,8192})`;

/** A key body without its line breaks, so that the same key in a PEM file and in a JSON string has one fingerprint. */
export function keyBody(secret: string): string {
  return secret.replace(/\\[nr]|\s/g, '');
}

// `-----BEGIN PRIVATE KEY-----` followed by `...`, `xxx` or a few characters is documentation, not a key
const isKeyBody = (secret: string): boolean => {
  const body = keyBody(secret);
  return body.length >= 50 && distinctChars(body) >= 16;
};

function armoured(id: string, title: string, begin: string, keywords: string[], grants: string, gitleaks?: string): SecretFormat {
  return {
    id,
    title,
    severity: 'critical',
    grants,
    keywords,
    pattern: pattern(`${begin}${ARMOUR_HEADERS}${BODY}`),
    priority: PRIORITY.privateKey,
    gitleaks,
    accept: isKeyBody,
    canonical: keyBody,
    reportAtMatch: true,
    privateKey: true,
  };
}

/** Private keys: PEM (PKCS#1, PKCS#8, SEC1, encrypted), OpenSSH, PGP, PuTTY and age. */
export const KEY_FORMATS: readonly SecretFormat[] = [
  armoured(
    'secret.private-key',
    'private key (PEM)',
    '-----BEGIN (?:(?:RSA|DSA|EC|ENCRYPTED) )?PRIVATE KEY-----',
    ['private key-----'],
    'impersonating the server, service or person the key belongs to, and decrypting what was sent to them',
    'private-key',
  ),
  armoured(
    'secret.openssh-private-key',
    'OpenSSH private key',
    '(?:-----BEGIN OPENSSH PRIVATE KEY-----|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----)',
    ['openssh private key', 'ssh2 encrypted private key'],
    'logging in over SSH wherever its public key is authorised, and signing git commits as its owner',
    'private-key',
  ),
  armoured(
    'secret.pgp-private-key',
    'PGP private key',
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    ['pgp private key block'],
    'signing as its owner (packages, releases, commits) and decrypting messages sent to them',
    'private-key',
  ),
  {
    id: 'secret.putty-private-key',
    title: 'PuTTY private key',
    severity: 'critical',
    grants: 'logging in over SSH wherever its public key is authorised',
    keywords: ['putty-user-key-file-'],
    // the private lines end where the `Private-MAC:` line starts
    pattern: pattern(
      String.raw`PuTTY-User-Key-File-[23]: [\w-]{1,40}\r?\n(?:[^\r\n]{0,100}\r?\n){0,30}?Private-Lines: [0-9]{1,3}\r?\n(?<secret>(?:[A-Za-z0-9+/=]{1,128}\r?\n){1,64})`,
    ),
    priority: PRIORITY.privateKey,
    // an Ed25519 key is a single 44-character line
    accept: (secret) => keyBody(secret).length >= 40 && distinctChars(keyBody(secret)) >= 16,
    canonical: keyBody,
    reportAtMatch: true,
    privateKey: true,
  },
  tokenFormat({
    id: 'secret.age-secret-key',
    title: 'age secret key',
    severity: 'critical',
    grants: 'decrypting every file encrypted to its age recipient (SOPS-managed secrets included)',
    keywords: ['age-secret-key-1'],
    body: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
    priority: PRIORITY.privateKey,
    gitleaks: 'age-secret-key',
    privateKey: true,
  }),
];
