import { type ImageFile, type ImageFilesystem, resolveImagePath } from '@dhi/image';
import { type CheckHit } from '../check-hit.js';
import { type ConfigInput } from './config-input.js';
import { RUNTIME_PACKAGE_MANAGER_RULE, RUNTIME_SHELL_RULE } from './config-rules.js';

const BIN_DIRS = ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const PACKAGE_MANAGERS = new Set(['apt', 'apt-get', 'dpkg', 'apk', 'dnf', 'yum', 'microdnf', 'rpm', 'pip', 'npm']);

type Kind = 'shell' | 'package manager';

/** The tool a file name is (`pip3.12` is pip), or null. */
function toolOf(name: string): { tool: string; kind: Kind } | null {
  if (SHELLS.has(name)) return { tool: name, kind: 'shell' };
  if (PACKAGE_MANAGERS.has(name)) return { tool: name, kind: 'package manager' };
  return /^pip\d+(\.\d+)*$/.test(name) ? { tool: 'pip', kind: 'package manager' } : null;
}

/** The regular file a command path runs, following symlinks inside the image; null for a dangling link. */
function executableAt(fs: ImageFilesystem, file: ImageFile): ImageFile | null {
  if (file.type === 'file' || file.type === 'hardlink') return file;
  if (file.type !== 'symlink') return null;
  const target = resolveImagePath(fs.files, file.path, { implicitDirectories: true });
  const resolved = target ? fs.files.get(target) : undefined;
  return resolved && (resolved.type === 'file' || resolved.type === 'hardlink') ? resolved : null;
}

interface Found {
  kind: Kind;
  path: string;
  target: ImageFile;
  paths: number;
}

/** In a runtime variant: one hit per shell (sh, bash, ash, busybox, …) and per package manager found in the command directories. */
export function runtimeToolHits(input: ConfigInput): CheckHit[] {
  const fs = input.fs;
  if (!input.runtimeVariant || !fs) return [];
  const candidates: { file: ImageFile; rank: number }[] = [];
  for (const file of fs.files.values()) {
    const rank = BIN_DIRS.indexOf(file.path.slice(0, file.path.lastIndexOf('/')));
    if (rank >= 0) candidates.push({ file, rank });
  }
  // the first path reported for a tool is the one in the most standard directory
  candidates.sort((a, b) => a.rank - b.rank || (a.file.path < b.file.path ? -1 : 1));
  const found = new Map<string, Found>();
  for (const { file } of candidates) {
    const tool = toolOf(file.path.slice(file.path.lastIndexOf('/') + 1));
    const target = tool && executableAt(fs, file);
    if (!tool || !target) continue;
    const known = found.get(tool.tool);
    if (known) known.paths += 1;
    else found.set(tool.tool, { kind: tool.kind, path: file.path, target, paths: 1 });
  }
  return [...found].map(([tool, { kind, path, target, paths }]) => ({
    ruleId: kind === 'shell' ? RUNTIME_SHELL_RULE : RUNTIME_PACKAGE_MANAGER_RULE,
    key: [tool],
    title: `${kind === 'shell' ? 'Shell' : 'Package manager'} ${tool} (${path}) in a runtime image`,
    evidence: {
      path,
      layerDigest: input.layers?.[target.layerIndex]?.digest ?? null,
      details: { tool, target: target.path === path ? null : target.path, paths },
    },
  }));
}
