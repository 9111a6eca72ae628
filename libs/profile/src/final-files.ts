import { capturedContent, type ImageFile, normaliseImagePath, resolveImagePath } from '@dhi/image';
import { type FileDigest } from './file-digest.js';
import { baseNameOf, parentOf } from './system-paths.js';

/** The final filesystem of a read, its captured contents and the digests of every hashed file version. */
export interface FinalFiles {
  files: ReadonlyMap<string, ImageFile>;
  contents: ReadonlyMap<string, Buffer>;
  /** By path, then the layer that wrote that version. */
  digests: ReadonlyMap<string, ReadonlyMap<number, FileDigest>>;
}

type LinkMap = ReadonlyMap<string, Pick<ImageFile, 'type' | 'linkTarget'>>;

/**
 * Where a path a package database lists lands in the final filesystem: symlinks in its directories are followed
 * (dpkg lists `/bin/ls`, merged-/usr puts it at `/usr/bin/ls`), the last component is not. Null for a symlink loop.
 */
export function landingPath(files: LinkMap, path: string): string | null {
  const normalised = normaliseImagePath(path);
  const parent = parentOf(normalised);
  const resolved = parent === '/' ? '/' : resolveImagePath(files, parent, { implicitDirectories: true });
  if (resolved === null) return null;
  return `${resolved === '/' ? '' : resolved}/${baseNameOf(normalised)}`;
}

/** What the final filesystem holds at a landing path. */
export type FinalEntry =
  | { kind: 'absent' }
  | { kind: 'other'; file: ImageFile }
  | { kind: 'regular'; file: ImageFile; size: number; digest: FileDigest | undefined };

/** The entry at a landing path; a hard link is the regular file it shares content with (its digest and size). */
export function finalEntryAt(view: FinalFiles, path: string): FinalEntry {
  const file = view.files.get(path);
  if (!file) return { kind: 'absent' };
  if (file.type === 'file') return { kind: 'regular', file, size: file.size, digest: view.digests.get(path)?.get(file.layerIndex) };
  if (file.type !== 'hardlink') return { kind: 'other', file };
  const target = file.linkTarget === null ? undefined : view.files.get(file.linkTarget);
  if (target?.type !== 'file') return { kind: 'regular', file, size: file.size, digest: undefined };
  return { kind: 'regular', file, size: target.size, digest: view.digests.get(target.path)?.get(target.layerIndex) };
}

/** A captured file's content, following symlinks and hard links inside the image. */
export function contentAt(view: FinalFiles, path: string): Buffer | undefined {
  return capturedContent(view, path);
}

/** Captured files whose path matches, in path order. */
export function contentsMatching(view: FinalFiles, pattern: RegExp): [string, Buffer][] {
  return [...view.contents].filter(([path]) => pattern.test(path)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
