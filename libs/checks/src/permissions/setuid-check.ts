import { type Severity } from '@dhi/contracts';
import { type ImageFile } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { usrMerged } from './expected-special-files.js';
import { fileDetails, layerDigestOf, ownerLabel, type PermissionContext, shellWord } from './permission-context.js';
import { SETGID_RULE, SETUID_RULE } from './permission-rules.js';

type Bit = 'setuid' | 'setgid';

// without the matching execute bit the flag does nothing: setuid needs some x bit, setgid without g+x means mandatory locking
const isSetuid = (mode: number): boolean => (mode & 0o4000) !== 0 && (mode & 0o111) !== 0;
const isSetgid = (mode: number): boolean => (mode & 0o2000) !== 0 && (mode & 0o010) !== 0;

function isExpected(context: PermissionContext, file: ImageFile, bit: Bit): boolean {
  const expected = context.distribution?.lookup(usrMerged(file.path));
  if (!expected?.[bit]) return false;
  // a distribution file handed to another owner is not what the distribution ships
  return expected.owner === 'root' ? file.uid === 0 : context.userNames.get(file.uid) === expected.owner;
}

function severityOf(file: ImageFile, bit: Bit, expected: boolean): Severity {
  if (expected) return 'low';
  if (bit === 'setgid') return 'medium';
  return file.uid === 0 ? 'high' : 'medium';
}

function hitOf(context: PermissionContext, file: ImageFile, bit: Bit): CheckHit {
  const expected = isExpected(context, file, bit);
  const distribution = context.distribution?.name ?? null;
  const who = bit === 'setuid' ? ownerLabel(context, file.uid) : (context.groupNames.get(file.gid) ?? `gid ${file.gid}`);
  const flag = bit === 'setuid' ? 'u-s' : 'g-s';
  const title = expected
    ? `${bit} ${who} executable ${file.path} (in ${distribution}'s expected set)`
    : `${bit} ${who} executable ${file.path}${distribution ? ` not shipped ${bit} by ${distribution}` : ''}`;
  const remediation = expected
    ? `${distribution} installs ${file.path} ${bit}. A container that never needs it (a service running as a non-root user does not change passwords or mount filesystems) should drop the bit (\`chmod ${flag} ${file.path}\`) or the package.`
    : `Remove the ${bit} bit (\`chmod ${flag} ${file.path}\`) or the file; find out which build step set it (layer ${file.layerIndex + 1}) and whether anything needs it.`;
  return {
    ruleId: bit === 'setuid' ? SETUID_RULE : SETGID_RULE,
    key: [file.path],
    severity: severityOf(file, bit, expected),
    title,
    evidence: { path: file.path, layerDigest: layerDigestOf(context, file), details: { ...fileDetails(context, file), expected, distribution } },
    remediation,
    patch: `RUN chmod ${flag} ${shellWord(file.path)}`,
  };
}

/** Setuid and setgid executables, those of the distribution's own expected set as low. */
export function setuidHits(context: PermissionContext): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const file of context.fs.files.values()) {
    if (file.type !== 'file' && file.type !== 'hardlink') continue;
    if (isSetuid(file.mode)) hits.push(hitOf(context, file, 'setuid'));
    if (isSetgid(file.mode)) hits.push(hitOf(context, file, 'setgid'));
  }
  return hits;
}
