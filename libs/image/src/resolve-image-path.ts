import { type LayerEntry } from './layer-walker.js';
import { normaliseImagePath } from './paths.js';

const MAX_SYMLINK_HOPS = 40;

/**
 * Where a path leads in an image filesystem once symlinks (in any component) are followed, the way the kernel would but
 * never above `/`; null for a dangling path, a cycle or more than 40 links. With `implicitDirectories`, a component
 * without an entry is taken as a directory (a layer may write `a/b/c` without `a/`) and the path is returned even when
 * nothing exists there: the caller looks it up.
 */
export function resolveImagePath(
  files: ReadonlyMap<string, Pick<LayerEntry, 'type' | 'linkTarget'>>,
  path: string,
  options: { implicitDirectories?: boolean } = {},
): string | null {
  let pending = normaliseImagePath(path).split('/').filter(Boolean);
  let current = '';
  let hops = 0;
  while (pending.length > 0) {
    const candidate = `${current}/${pending[0]}`;
    const entry = files.get(candidate);
    if (!entry && !options.implicitDirectories) return null;
    if (entry?.type === 'symlink') {
      hops += 1;
      if (hops > MAX_SYMLINK_HOPS) return null;
      const target = entry.linkTarget ?? '';
      const base = target.startsWith('/') ? '' : current;
      pending = [...normaliseImagePath(`${base}/${target}`).split('/').filter(Boolean), ...pending.slice(1)];
      current = '';
      continue;
    }
    current = candidate;
    pending = pending.slice(1);
  }
  return current === '' ? '/' : current;
}
