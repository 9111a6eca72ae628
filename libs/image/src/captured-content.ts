import { type ImageFile } from './filesystem-builder.js';
import { resolveImagePath } from './resolve-image-path.js';

/** A captured final-filesystem file's content, following symlinks and hard links inside the image; undefined when not captured. */
export function capturedContent(fs: { files: ReadonlyMap<string, ImageFile>; contents: ReadonlyMap<string, Buffer> }, path: string): Buffer | undefined {
  const resolved = resolveImagePath(fs.files, path, { implicitDirectories: true });
  if (resolved === null) return undefined;
  const file = fs.files.get(resolved);
  return fs.contents.get(resolved) ?? (file?.type === 'hardlink' && file.linkTarget ? fs.contents.get(file.linkTarget) : undefined);
}
