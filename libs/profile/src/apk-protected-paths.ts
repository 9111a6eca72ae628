import { matchesComponent } from './fnmatch.js';

/**
 * apk's protection of a path (apk-protected_paths(5)): `changed` files are configuration apk keeps when modified,
 * `symlinks` protects only symlinks, `all` is never touched by apk; `none` and `ignore` are ordinary system files.
 */
export type ProtectMode = 'none' | 'ignore' | 'changed' | 'symlinks' | 'all';

export interface ProtectedPath {
  /** The pattern's path components, each an fnmatch pattern matched against one component. */
  components: string[];
  mode: ProtectMode;
}

/** apk-tools' built-in list, read before `/etc/apk/protected_paths.d/*.list`. */
export const APK_DEFAULT_PROTECTED_PATHS = '+etc\n@etc/init.d\n!etc/apk\n';
export const APK_PROTECTED_PATHS_D = /^\/etc\/apk\/protected_paths\.d\/[^/]+\.list$/;

const MAX_PROTECTED_PATHS = 1000;

const MODES: Record<string, ProtectMode> = { '-': 'ignore', '+': 'changed', '@': 'symlinks', '!': 'all' };

// a loop, not /\/+$/: that regular expression is quadratic on a long run of slashes in a hostile list
function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start += 1;
  while (end > start && text[end - 1] === '/') end -= 1;
  return text.slice(start, end);
}

/** The lines of protected-path lists: an optional mode character (default `+`), then a path relative to `/`. */
export function parseProtectedPaths(text: string): ProtectedPath[] {
  const paths: ProtectedPath[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const mode = MODES[line[0]];
    const pattern = trimSlashes(mode ? line.slice(1) : line);
    if (pattern === '') continue;
    paths.push({ components: pattern.split('/'), mode: mode ?? 'changed' });
    // a real system has a handful; past the bound, patterns are dropped, which can only make more files compared
    if (paths.length >= MAX_PROTECTED_PATHS) break;
  }
  return paths;
}

/**
 * The protection apk gives a path: each directory inherits its parent's, then the patterns as deep as it are applied
 * in list order (the last that matches wins), down to the file name itself, as apk-tools' database does.
 */
export function protectModeOf(paths: readonly ProtectedPath[], path: string): ProtectMode {
  const components = path.split('/').filter(Boolean);
  let mode: ProtectMode = 'none';
  for (let depth = 1; depth <= components.length; depth += 1) {
    for (const candidate of paths) {
      if (candidate.components.length !== depth) continue;
      if (candidate.components.every((pattern, index) => matchesComponent(pattern, components[index]))) mode = candidate.mode;
    }
  }
  return mode;
}
