import { type ImageFile, type ImageFilesystem } from '@dhi/image';
import { type PasswdEntry } from './accounts.js';
import { type DistributionSet } from './expected-special-files.js';

/** What every permission check reads: the final filesystem, its layers and the image's own account names. */
export interface PermissionContext {
  fs: ImageFilesystem;
  layers: readonly { digest: string }[];
  distribution: DistributionSet | null;
  passwd: readonly PasswdEntry[];
  userNames: ReadonlyMap<number, string>;
  groupNames: ReadonlyMap<number, string>;
  contentOf(path: string): Buffer | undefined;
}

const SYSTEM_DIRS = [
  '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/etc',
  '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib32', '/usr/lib64', '/usr/libx32', '/usr/libexec', '/usr/share', '/usr/include',
  '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/libexec',
];

/**
 * Whether a path holds what the system runs or is configured by: binaries, libraries, shared data and /etc. Application
 * trees (/opt, /srv, /home, /usr/src, /usr/local/src, /var, /app) are not system paths.
 */
export function isSystemPath(path: string): boolean {
  if (path === '/usr' || path === '/usr/local') return true;
  return SYSTEM_DIRS.some((dir) => path === dir || path.startsWith(`${dir}/`));
}

/** Permission bits as `ls` users write them: `4755`. */
export function octalMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** The digest of the layer that last wrote the file. */
export function layerDigestOf(context: PermissionContext, file: ImageFile): string | null {
  return context.layers[file.layerIndex]?.digest ?? null;
}

/** The evidence details every file finding carries: mode, numeric ids and their names in the image. */
export function fileDetails(context: PermissionContext, file: ImageFile): Record<string, string | number | null> {
  return {
    mode: octalMode(file.mode),
    uid: file.uid,
    gid: file.gid,
    owner: context.userNames.get(file.uid) ?? null,
    group: context.groupNames.get(file.gid) ?? null,
  };
}

/** How a finding names a file's owner: `root`, `app (uid 1000)` or `uid 1000`. */
export function ownerLabel(context: PermissionContext, uid: number): string {
  const name = context.userNames.get(uid);
  if (uid === 0) return name ?? 'root';
  return name ? `${name} (uid ${uid})` : `uid ${uid}`;
}

/** A path as one word of a `RUN` shell line: bare when it has no shell metacharacters, single-quoted otherwise. */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The directory holding `path` (`/` for a top-level entry). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
