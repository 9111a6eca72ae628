import { type Severity } from '@dhi/contracts';
import { type ImageFile } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { fileDetails, layerDigestOf, parentOf, type PermissionContext, shellWord } from './permission-context.js';
import { READABLE_PRIVATE_KEY_RULE } from './permission-rules.js';

const KEY_NAME = /(\.key|\.pem|^id_(rsa|dsa|ecdsa|ed25519)(_sk)?|^ssh_host_[a-z0-9]+_key)$/i;
// PEM (PKCS#1, PKCS#8, SEC1, encrypted PKCS#8) and OpenSSH private keys
const PRIVATE_KEY = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/;
const ENCRYPTED = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;
const TEST_TREE = /\/(test|tests|testdata|testing|fixtures?|__tests__|spec)\//i;

/** Whether a file's name says it may hold a private key (`*.key`, `*.pem`, `id_rsa`, `ssh_host_*_key`): its content is needed. */
export function isPrivateKeyCandidate(path: string): boolean {
  return KEY_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}

/** Who besides the owner can reach the file: every directory above it must let them search it (implicit ones are 0755). */
function readers(context: PermissionContext, file: ImageFile): 'others' | 'group' | null {
  let others = (file.mode & 0o004) !== 0;
  let group = (file.mode & 0o040) !== 0;
  for (let dir = parentOf(file.path); dir !== '/' && (others || group); dir = parentOf(dir)) {
    const mode = context.fs.files.get(dir)?.mode ?? 0o755;
    if ((mode & 0o001) === 0) others = false;
    // approximate: a directory's group may differ from the key's, so group search is taken as either bit
    if ((mode & 0o011) === 0) group = false;
  }
  return others ? 'others' : group ? 'group' : null;
}

function severityOf(file: ImageFile, who: 'others' | 'group', encrypted: boolean): Severity {
  if (TEST_TREE.test(file.path)) return 'low';
  if (who === 'group') return encrypted ? 'low' : 'medium';
  return encrypted ? 'medium' : 'high';
}

/**
 * Private keys (by content) that users other than the owner can read. Others reading it is high; only the file's group
 * (an explicit grant, like Debian's ssl-cert) medium; a passphrase-encrypted key one step lower; keys in test trees low.
 */
export function privateKeyHits(context: PermissionContext): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const file of context.fs.files.values()) {
    if ((file.type !== 'file' && file.type !== 'hardlink') || !isPrivateKeyCandidate(file.path)) continue;
    const who = readers(context, file);
    if (!who) continue;
    const text = context.contentOf(file.path)?.toString('latin1');
    if (!text || !PRIVATE_KEY.test(text)) continue;
    const encrypted = ENCRYPTED.test(text);
    hits.push({
      ruleId: READABLE_PRIVATE_KEY_RULE,
      key: [file.path],
      severity: severityOf(file, who, encrypted),
      title: `Private key ${file.path} is readable by ${who === 'others' ? 'every user' : `its group ${context.groupNames.get(file.gid) ?? `gid ${file.gid}`}`}${encrypted ? ' (encrypted)' : ''}`,
      evidence: { path: file.path, layerDigest: layerDigestOf(context, file), details: { ...fileDetails(context, file), readableBy: who, encrypted } },
      remediation: `Make the key readable by its owner only (\`chmod go-rwx ${file.path}\`, owned by the user of the service that uses it); better, mount it at run time instead of building it into the image.`,
      patch: `RUN chmod go-rwx ${shellWord(file.path)}`,
    });
  }
  return hits;
}
