import { createHash } from 'node:crypto';
import { contentsMatching, type FinalFiles } from './final-files.js';

/** `authorized_keys`, `authorized_keys2` and the like, in any home directory. */
export const AUTHORIZED_KEYS_FILE = /\/\.ssh\/authorized_keys[^/]*$/;

// a key type token followed by its base64 blob; options before it (`from="…",command="…"`) are not parsed
const KEY = /(?:^|\s)((?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,2})(?=\s|$)/;

/** The key type an SSH public key blob declares (its first length-prefixed string), or null if it is not one. */
function blobType(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  return length > 0 && 4 + length <= blob.length ? blob.subarray(4, 4 + length).toString('latin1') : null;
}

/** `<type> SHA256:<fingerprint>` of one authorized_keys line, as `ssh-keygen -lf` prints it; null for other lines. */
export function keyFingerprint(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const match = KEY.exec(trimmed);
  if (!match) return null;
  const blob = Buffer.from(match[2], 'base64');
  // a blob whose embedded type differs from the declared one is refused by sshd
  if (blobType(blob) !== match[1]) return null;
  return `${match[1]} SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Every key of every authorized_keys file of the final filesystem, as `<file>: <type> SHA256:<fingerprint>`. */
export function authorizedKeys(view: FinalFiles): string[] {
  const keys: string[] = [];
  for (const [path, content] of contentsMatching(view, AUTHORIZED_KEYS_FILE)) {
    for (const line of content.toString('utf8').split('\n')) {
      const fingerprint = keyFingerprint(line);
      if (fingerprint) keys.push(`${path}: ${fingerprint}`);
    }
  }
  return keys.sort();
}
