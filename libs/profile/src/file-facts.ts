import { type ProfileExecutable } from './build-profile.js';
import { finalEntryAt, type FinalFiles } from './final-files.js';
import { isExecutableMode, topDirOf } from './system-paths.js';

/** What the final filesystem says of its files, before packages are known to own any of them. */
export interface FileFacts {
  executables: Omit<ProfileExecutable, 'owner'>[];
  setuid: string[];
  setgid: string[];
  worldWritable: string[];
  fileCount: number;
  filesPerTopDir: Record<string, number>;
}

const SETUID = 0o4000;
const SETGID = 0o2000;
const STICKY = 0o1000;
const WORLD_WRITABLE = 0o002;

/**
 * Executables with their sha256, the special permission bits of regular files and directories (symlinks carry no
 * meaningful mode), and the count of regular files (hard links included) per top-level directory. Lists sorted by path.
 */
export function fileFactsOf(view: FinalFiles): FileFacts {
  const facts: FileFacts = { executables: [], setuid: [], setgid: [], worldWritable: [], fileCount: 0, filesPerTopDir: {} };
  const paths = [...view.files.keys()].sort();
  for (const path of paths) {
    const file = view.files.get(path);
    if (!file || (file.type !== 'file' && file.type !== 'hardlink' && file.type !== 'dir')) continue;
    if (file.mode & SETUID) facts.setuid.push(path);
    if (file.mode & SETGID) facts.setgid.push(path);
    // /tmp's 1777 is the point of the sticky bit: everyone may write, no one may remove another's files
    if (file.mode & WORLD_WRITABLE && !(file.type === 'dir' && file.mode & STICKY)) facts.worldWritable.push(path);
    if (file.type === 'dir') continue;
    facts.fileCount += 1;
    const top = topDirOf(path);
    facts.filesPerTopDir[top] = (facts.filesPerTopDir[top] ?? 0) + 1;
    if (!isExecutableMode(file.mode)) continue;
    const entry = finalEntryAt(view, path);
    if (entry.kind === 'regular') facts.executables.push({ path, sha256: entry.digest?.sha256 ?? null, size: entry.size, mode: file.mode });
  }
  return facts;
}
