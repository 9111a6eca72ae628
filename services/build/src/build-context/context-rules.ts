import { type ContextLimits } from '../config.js';
import { ContextError } from './context-error.js';

export type ContextEntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

/** A tar entry of a build context that passed the rules; `path` is relative, normalised and never escapes the root. */
export interface ContextEntry {
  path: string;
  type: ContextEntryType;
  /** Permission bits only: setuid, setgid and sticky bits are dropped. */
  mode: number;
  size: number;
  /** symlink: the target as written (relative); hardlink: the normalised path of the earlier file it links. */
  linkTarget: string | null;
}

/** The fields of a tar header the rules look at (tar-stream's Headers). */
export interface ContextHeader {
  name: string;
  type?: string | null;
  mode?: number | null;
  size?: number | null;
  linkname?: string | null;
}

const TYPES: Record<string, ContextEntryType> = { file: 'file', 'contiguous-file': 'file', directory: 'dir', symlink: 'symlink', link: 'hardlink' };

const unsafe = (message: string): ContextError => new ContextError('unsafe_entry', message);
const shown = (name: string): string => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);

/**
 * The segments of a relative archive path, refusing what could leave the context root: absolute paths, `..`, NUL.
 * A context comes from a developer's machine, so such an entry is an attack or a broken archive, never normal.
 */
function segmentsOf(name: string, what: string): string[] {
  if (name.includes('\0')) throw unsafe(`${what} ${shown(name)} contains a NUL byte`);
  if (name.startsWith('/')) throw unsafe(`${what} ${shown(name)} is an absolute path; a build context holds relative paths only`);
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw unsafe(`${what} ${shown(name)} contains "..": it would leave the build context`);
  return segments;
}

/** A path inside the context as a client names it (e.g. the `dockerfile` field), normalised; ContextError when it could escape. */
export function normaliseContextPath(name: string, what: string): string {
  const path = segmentsOf(name, what).join('/');
  if (path === '') throw unsafe(`${what} ${shown(name)} does not name a file`);
  return path;
}

/** Where a relative symlink target leads from the link's directory, or null when it climbs out of the root. */
function resolveInside(linkPath: string, target: string): string | null {
  const resolved = linkPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') resolved.push(segment);
    else if (resolved.pop() === undefined) return null;
  }
  return resolved.join('/');
}

/**
 * The rules every entry of a build context must pass, applied in archive order (the same object checks an upload and
 * guards its extraction): normalised relative paths only; no entry inside a symlink, so nothing is ever written
 * through one; symlinks relative and pointing inside; hard links only to earlier regular files; files, directories
 * and links only (no devices or FIFOs); limits on entries, path length and total size.
 */
export class ContextRules {
  private readonly kinds = new Map<string, ContextEntryType>();
  private entries = 0;
  private bytes = 0;

  constructor(private readonly limits: ContextLimits) {}

  /** The checked entry, or null for the root directory entry (`./`). Throws ContextError when the entry is refused. */
  check(header: ContextHeader): ContextEntry | null {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) throw new ContextError('limit_exceeded', `the build context has more than ${this.limits.maxEntries} entries (maxEntries)`);
    if (header.name.length > this.limits.maxPathLength) throw new ContextError('limit_exceeded', `an entry name of the build context is longer than ${this.limits.maxPathLength} characters`);
    const type = TYPES[header.type ?? 'file'];
    if (!type) throw unsafe(`the build context entry ${shown(header.name)} is a ${header.type}; only files, directories and links are allowed`);
    const segments = segmentsOf(header.name, 'the build context entry');
    if (segments.length === 0) {
      if (type !== 'dir') throw unsafe(`the build context entry ${shown(header.name)} names the context root but is not a directory`);
      return null;
    }
    const path = segments.join('/');
    this.refuseInsideSymlink(segments);
    const existing = this.kinds.get(path);
    if (existing === 'dir' && type !== 'dir') throw unsafe(`the build context entry ${shown(path)} replaces a directory with a ${type}`);

    const size = type === 'file' ? Math.max(0, header.size ?? 0) : 0;
    this.bytes += size;
    if (this.bytes > this.limits.maxDecompressedBytes) {
      throw new ContextError('limit_exceeded', `the files of the build context exceed ${this.limits.maxDecompressedBytes} bytes (maxDecompressedBytes)`);
    }
    const linkTarget = this.linkTargetOf(path, type, header.linkname ?? '');
    this.kinds.set(path, type === 'hardlink' ? 'file' : type);
    return { path, type, mode: (header.mode ?? (type === 'dir' ? 0o755 : 0o644)) & 0o777, size, linkTarget };
  }

  /** Whether `path` is currently a regular file of the context (for the Dockerfile check). */
  isFile(path: string): boolean {
    return this.kinds.get(path) === 'file';
  }

  private refuseInsideSymlink(segments: string[]): void {
    for (let depth = 1; depth < segments.length; depth += 1) {
      const parent = segments.slice(0, depth).join('/');
      const kind = this.kinds.get(parent);
      if (kind === 'symlink') throw unsafe(`the build context entry ${shown(segments.join('/'))} lies inside the symlink ${shown(parent)}; nothing is written through a link`);
      if (kind === 'file') throw unsafe(`the build context entry ${shown(segments.join('/'))} lies inside the file ${shown(parent)}`);
    }
  }

  private linkTargetOf(path: string, type: ContextEntryType, linkName: string): string | null {
    if (type === 'symlink') {
      if (linkName === '' || linkName.includes('\0')) throw unsafe(`the symlink ${shown(path)} has an empty or invalid target`);
      if (linkName.length > this.limits.maxPathLength) throw new ContextError('limit_exceeded', `the target of the symlink ${shown(path)} is too long`);
      if (linkName.startsWith('/')) throw unsafe(`the symlink ${shown(path)} points to the absolute path ${shown(linkName)}: links must stay inside the build context`);
      if (resolveInside(path, linkName) === null) throw unsafe(`the symlink ${shown(path)} points to ${shown(linkName)}, outside the build context`);
      return linkName;
    }
    if (type === 'hardlink') {
      const target = segmentsOf(linkName, `the hard link ${shown(path)} points to`).join('/');
      if (!this.isFile(target)) throw unsafe(`the hard link ${shown(path)} points to ${shown(linkName)}, which is not an earlier file of the build context`);
      if (target === path) throw unsafe(`the hard link ${shown(path)} points to itself`);
      return target;
    }
    return null;
  }
}
