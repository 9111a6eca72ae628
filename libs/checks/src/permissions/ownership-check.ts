import { type ImageFile } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { usrMerged } from './expected-special-files.js';
import { fileDetails, isSystemPath, layerDigestOf, ownerLabel, type PermissionContext, shellWord } from './permission-context.js';
import { NON_ROOT_SYSTEM_FILE_RULE } from './permission-rules.js';
import { groupSubtrees, type SubtreeGroup } from './subtree-groups.js';

/**
 * System paths that distribution packages give to a system account on purpose: Debian's at runs setuid daemon, and
 * polkit keeps its rules directories private to polkitd (both read from the packages' maintainer scripts).
 */
const LEGITIMATE_OWNERS = new Map([
  ['/usr/bin/at', 'daemon'],
  ['/etc/polkit-1/rules.d', 'polkitd'],
  ['/usr/share/polkit-1/rules.d', 'polkitd'],
]);

function isOffending(context: PermissionContext, file: ImageFile): boolean {
  // who owns a symlink does not matter: it cannot be rewritten, only replaced by whoever may write its directory
  if (file.uid === 0 || !['file', 'hardlink', 'dir'].includes(file.type) || !isSystemPath(file.path)) return false;
  const legitimate = LEGITIMATE_OWNERS.get(usrMerged(file.path));
  return legitimate === undefined || context.userNames.get(file.uid) !== legitimate;
}

function hitOf(context: PermissionContext, { root, severity, below }: SubtreeGroup): CheckHit {
  const more = below > 0 ? ` (and ${below} more entries below it)` : '';
  const recursive = below > 0 ? '-R ' : '';
  return {
    ruleId: NON_ROOT_SYSTEM_FILE_RULE,
    key: [root.path],
    severity,
    title: `${root.path} in a system path is owned by ${ownerLabel(context, root.uid)}${more}`,
    evidence: { path: root.path, layerDigest: layerDigestOf(context, root), details: { ...fileDetails(context, root), below } },
    remediation: `Give it to root (\`chown ${recursive}root ${root.path}\`; in a Dockerfile, COPY into system paths without --chown). If the application must write there, move that data to a directory of its own outside system paths.`,
    patch: `RUN chown ${recursive}root ${shellWord(root.path)}`,
  };
}

/** Files and directories in system paths (/usr, /etc, /bin, /lib, …) owned by a non-root uid, by subtree. */
export function nonRootSystemFileHits(context: PermissionContext): CheckHit[] {
  const offending = [...context.fs.files.values()].filter((file) => isOffending(context, file)).map((file) => ({ file, severity: 'medium' as const }));
  return groupSubtrees(offending).map((group) => hitOf(context, group));
}
