import { createHmac } from 'node:crypto';
import { isDummyValue, isDummyPassword, looksLikeCode } from '../dummy-values.js';
import { shannonEntropy } from '../redaction.js';
import { pattern, PRIORITY, type SecretFormat } from '../secret-format.js';
import { isCredentialName, nameWords } from './credential-names.js';

/** Lower case, upper case, digits, anything else: how many of these a value mixes. */
function charClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/** Letters only: a random token has short case-runs; `same-origin`, `_DSAPrivateKey`, `CACHE_MANAGER` are words. */
function isRandomLetters(value: string, entropy: number): boolean {
  const words = nameWords(value);
  const meanWord = words.reduce((sum, word) => sum + word.length, 0) / Math.max(1, words.length);
  return value.length >= 16 && entropy >= 3.5 && meanWord < 4;
}

/**
 * A literal that could be a secret: 8 to 200 characters without whitespace (prose is not a secret), not a dummy value,
 * a path, code or a URL. Letters and separators only (`same-origin`, `CACHE_MANAGER`) must be long and random; anything
 * with a digit or a symbol must mix character classes and not be too repetitive.
 */
export function isSecretLikeValue(value: string): boolean {
  if (value.length < 8 || /\s/.test(value) || !/[A-Za-z]/.test(value) || isDummyValue(value) || looksLikeCode(value)) return false;
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) return false;
  const entropy = shannonEntropy(value);
  if (/^[A-Za-z_.-]+$/.test(value)) return isRandomLetters(value, entropy);
  return charClasses(value) >= 2 && entropy >= (value.length < 16 ? 3 : 3.3);
}

type Groups = Record<string, string | undefined>;
const valueOf = (groups: Groups): { value: string; quoted: boolean } =>
  groups.quoted !== undefined ? { value: groups.quoted, quoted: true } : { value: groups.bare ?? '', quoted: false };

const QUOTES = '"\'`';
// `<name containing a credential word> = <quoted or bare value>`, also `:`, `:=`, `=>`
const GENERIC_ASSIGNMENT = pattern(
  String.raw`(?<![\w.-])(?<name>[\w.-]{0,40}?(?:pass|pwd|secret|token|key|credential|auth)[\w.-]{0,30})["'\]]{0,2}[ \t]{0,4}(?:=>|:=|=|:)[ \t]{0,4}` +
    `(?:[${QUOTES}](?<quoted>[^${QUOTES}\\r\\n]{1,200})[${QUOTES}]|(?<bare>[^\\s${QUOTES},;)\\]}>]{1,200}))`,
  true,
);

/** JWTs that documentation prints (jwt.io's "John Doe") and Supabase's anon key, which is public by design. */
function isPublicJwt(claims: Record<string, unknown>): boolean {
  return claims.name === 'John Doe' || claims.role === 'anon' || claims.iss === 'supabase-demo';
}

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// the HMAC keys of documentation JWTs: jwt.io's defaults and the "secret" of library READMEs (PyJWT, jsonwebtoken)
const EXAMPLE_JWT_KEYS = ['secret', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'shhhhh', 'key'];
const HMAC_ALGORITHMS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** An HMAC-signed JWT whose signature checks out with a documentation key is an example, not an issued token. */
function isSignedWithExampleKey(secret: string, alg: string): boolean {
  const hash = HMAC_ALGORITHMS[alg];
  if (!hash) return false;
  const signed = secret.slice(0, secret.lastIndexOf('.'));
  const signature = secret.slice(secret.lastIndexOf('.') + 1);
  return EXAMPLE_JWT_KEYS.some((key) => createHmac(hash, key).update(signed).digest('base64url') === signature);
}

function isLiveJwt(secret: string): boolean {
  const [header, payload] = secret.split('.');
  const alg = decodeJson(header)?.alg;
  const claims = decodeJson(payload);
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || claims === null) return false;
  return !isPublicJwt(claims) && !isSignedWithExampleKey(secret, alg);
}

/** JWTs, credential headers and files, and the generic keyword rule. */
export const GENERIC_FORMATS: readonly SecretFormat[] = [
  {
    id: 'secret.jwt',
    title: 'JSON Web Token',
    severity: 'high',
    grants: 'the API that issued it, as its subject, until it expires (many never do)',
    keywords: ['eyj'],
    pattern: pattern(String.raw`(?<![\w-])(?<secret>eyJ[\w-]{8,1500}\.eyJ[\w-]{8,4000}\.[\w-]{16,1000})(?![\w-])`),
    priority: PRIORITY.context,
    gitleaks: 'jwt',
    accept: isLiveJwt,
  },
  {
    id: 'secret.http-authorization-header',
    title: 'credential in an HTTP Authorization header',
    severity: 'high',
    grants: 'the API the header is sent to, as its bearer',
    keywords: ['authorization'],
    pattern: pattern(
      String.raw`(?<![\w-])Authorization["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:Bearer|Basic|Token|Bot)[ \t]{1,4}(?<secret>[\w.~+/=-]{16,2048})`,
      true,
    ),
    priority: PRIORITY.context,
    gitleaks: 'curl-auth-header',
    accept: (secret) => !isDummyValue(secret) && shannonEntropy(secret) >= 3,
  },
  {
    id: 'secret.curl-basic-auth',
    title: 'password in a curl command (-u user:password)',
    severity: 'high',
    grants: 'the service the command calls, as the given user',
    keywords: ['curl'],
    pattern: pattern(String.raw`\bcurl\b[^\r\n]{0,400}?[ \t](?:-u|--user)(?:=|[ \t]{1,5})["']?(?<user>[^\s:"']{1,100}):(?<secret>[^\s"']{1,200})`),
    priority: PRIORITY.context,
    gitleaks: 'curl-auth-user',
    accept: (secret, match) => !isDummyPassword(secret, match.groups?.user ?? ''),
  },
  {
    id: 'secret.netrc-password',
    title: 'password in a .netrc entry',
    severity: 'high',
    grants: 'the host of the entry (FTP, HTTP, git) as its login',
    keywords: ['machine'],
    pattern: pattern(String.raw`(?<![\w-])machine[ \t]{1,10}\S{1,253}(?:\s{1,10}(?:login|account)[ \t]{1,10}\S{1,200}){0,2}\s{1,10}password[ \t]{1,10}(?<secret>\S{1,200})`),
    priority: PRIORITY.context,
    accept: (secret) => !isDummyPassword(secret, ''),
  },
  {
    id: 'secret.generic-keyword-assignment',
    title: 'secret assigned to a credential name',
    severity: 'medium',
    grants: 'whatever the named credential protects (a password, API key or token of an unrecognised format)',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth'],
    pattern: GENERIC_ASSIGNMENT,
    priority: PRIORITY.generic,
    gitleaks: 'generic-api-key',
    accept: (_secret, match, context) => {
      const groups = match.groups ?? {};
      const { value, quoted } = valueOf(groups);
      // in program source an unquoted value is a variable or an expression
      if (!quoted && context.sourceCode) return false;
      return isCredentialName(groups.name ?? '') && isSecretLikeValue(value);
    },
    keywordOf: (match) => match.groups?.name,
  },
];
