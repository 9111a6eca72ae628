import { type Severity } from '@dhi/contracts';
import { type ImageFile } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { fileDetails, isSystemPath, layerDigestOf, type PermissionContext, shellWord } from './permission-context.js';
import { WORLD_WRITABLE_RULE } from './permission-rules.js';
import { groupSubtrees, type SubtreeGroup } from './subtree-groups.js';

/**
 * Symlinks are always 0777 and device nodes such as /dev/null are meant to be writable by all: only regular files
 * (and hard links to them) and directories count. A directory with the sticky bit (/tmp) only lets owners delete.
 */
function isOffending(file: ImageFile): boolean {
  if ((file.mode & 0o002) === 0) return false;
  if (file.type === 'dir') return (file.mode & 0o1000) === 0;
  return file.type === 'file' || file.type === 'hardlink';
}

const severityOf = (file: ImageFile): Severity => (isSystemPath(file.path) ? 'high' : 'medium');

function hitOf(context: PermissionContext, { root, severity, below }: SubtreeGroup): CheckHit {
  const what = root.type === 'dir' ? 'directory' : 'file';
  const sticky = root.type === 'dir' ? ' without the sticky bit' : '';
  const more = below > 0 ? ` (and ${below} world-writable entries below it)` : '';
  const recursive = below > 0 ? '-R ' : '';
  return {
    ruleId: WORLD_WRITABLE_RULE,
    key: [root.path],
    severity,
    title: `World-writable ${what} ${root.path}${sticky}${more}`,
    evidence: { path: root.path, layerDigest: layerDigestOf(context, root), details: { ...fileDetails(context, root), below } },
    remediation:
      root.type === 'dir'
        ? `Remove write permission for others (\`chmod ${recursive}o-w ${root.path}\`); if it is a shared scratch directory, set the sticky bit instead (\`chmod +t ${root.path}\`).`
        : `Remove write permission for others (\`chmod o-w ${root.path}\`); give the file to the user that must write it instead.`,
    patch: `RUN chmod ${recursive}o-w ${shellWord(root.path)}`,
  };
}

/** World-writable files, and world-writable directories without the sticky bit: high in system paths, medium elsewhere. */
export function worldWritableHits(context: PermissionContext): CheckHit[] {
  const offending = [...context.fs.files.values()].filter(isOffending).map((file) => ({ file, severity: severityOf(file) }));
  return groupSubtrees(offending).map((group) => hitOf(context, group));
}
