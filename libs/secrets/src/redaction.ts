import { createHash } from 'node:crypto';

/**
 * How a secret is shown: at most its first four characters (fewer for a short one, so that a prefix never gives most of
 * it away) and its length. The full value is never kept.
 */
export function redactSecret(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/**
 * `sha256:` and the first 16 hex digits of the SHA-256 of the secret's bytes: the same secret in a later build (or in a
 * PEM file and a JSON string) has the same fingerprint. `latin1` text is the file's bytes one per character.
 */
export function secretFingerprint(secret: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return `sha256:${createHash('sha256').update(secret, encoding).digest('hex').slice(0, 16)}`;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many distinct characters a value has. */
export function distinctChars(value: string): number {
  return new Set(value).size;
}
