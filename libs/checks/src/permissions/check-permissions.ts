import { type ImageFilesystem } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { accountHits } from './account-check.js';
import { parseGroupNames, parsePasswd, userNames } from './accounts.js';
import { distributionSet } from './expected-special-files.js';
import { nonRootSystemFileHits } from './ownership-check.js';
import { type PermissionContext } from './permission-context.js';
import { isPrivateKeyCandidate, privateKeyHits } from './private-key-check.js';
import { setuidHits } from './setuid-check.js';
import { worldWritableHits } from './world-writable-check.js';

/** Files whose content the permission checks read (account databases); private keys are found by `isPrivateKeyCandidate`. */
export const PERMISSION_CONTENT_PATHS: readonly string[] = ['/etc/passwd', '/etc/shadow', '/etc/group'];

/** Whether the scanner must capture a final-filesystem file's content for `checkPermissions` (and `checkImageConfig`). */
export function wantsPermissionContent(path: string): boolean {
  return PERMISSION_CONTENT_PATHS.includes(path) || isPrivateKeyCandidate(path);
}

export interface PermissionInput {
  fs: ImageFilesystem;
  layers: readonly { digest: string }[];
  /** From os-release: picks the distribution's expected setuid/setgid set; null when unknown (nothing is expected). */
  os: { id: string; versionId: string | null } | null;
  /** Captured content of a final-filesystem file (those `wantsPermissionContent` accepts). */
  contentOf(path: string): Buffer | undefined;
}

/** Setuid/setgid files, world-writable entries, non-root system files, weak accounts and readable private keys. */
export function checkPermissions(input: PermissionInput): CheckHit[] {
  const passwd = parsePasswd(input.contentOf('/etc/passwd')?.toString('utf8') ?? '');
  const context: PermissionContext = {
    fs: input.fs,
    layers: input.layers,
    distribution: distributionSet(input.os),
    passwd,
    userNames: userNames(passwd),
    groupNames: parseGroupNames(input.contentOf('/etc/group')?.toString('utf8') ?? ''),
    contentOf: (path) => input.contentOf(path),
  };
  return [...setuidHits(context), ...worldWritableHits(context), ...nonRootSystemFileHits(context), ...accountHits(context), ...privateKeyHits(context)];
}
