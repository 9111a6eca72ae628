/** A module line of Go build info: `path version [sum]`, with the `=>` line that replaced it. */
export interface GoModule {
  path: string;
  version: string;
  replace: { path: string; version: string } | null;
}

export interface GoModInfo {
  /** The main package's import path (`path` line); empty when the binary was not built from a package path. */
  path: string;
  main: GoModule | null;
  deps: GoModule[];
}

const moduleOf = (columns: string[]): GoModule | string =>
  columns.length === 2 || columns.length === 3 ? { path: columns[0], version: columns[1], replace: null } : `expected 2 or 3 columns, got ${columns.length}`;

/**
 * Parses the module list of Go build info the way runtime/debug.ParseBuildInfo does (`path`, `mod`, `dep`, `=>` lines;
 * `build` lines are not needed here); returns an error message for a list Go would refuse.
 */
export function parseGoModInfo(text: string): GoModInfo | { error: string } {
  const info: GoModInfo = { path: '', main: null, deps: [] };
  let last: GoModule | null = null;
  const lines = text.split('\n');
  // like Go, a last line without its newline is ignored
  lines.pop();
  for (const [index, line] of lines.entries()) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const word = line.slice(0, tab);
    const columns = line.slice(tab + 1).split('\t');
    const fail = (why: string): { error: string } => ({ error: `line ${index + 1}: ${why}` });
    if (word === 'path') info.path = line.slice(tab + 1);
    else if (word === 'mod' || word === 'dep') {
      const module = moduleOf(columns);
      if (typeof module === 'string') return fail(module);
      if (word === 'mod') info.main = module;
      else info.deps.push(module);
      last = module;
    } else if (word === '=>') {
      if (columns.length !== 3) return fail(`expected 3 columns for a replacement, got ${columns.length}`);
      if (!last) return fail('a replacement with no module on the line before');
      last.replace = { path: columns[0], version: columns[1] };
      last = null;
    }
  }
  return info;
}

/** A replacement by a directory (`../dep`, `/src/dep`, `C:\dep`), as the Go module tooling (modfile.IsDirectoryPath) tells. */
export function isDirectoryPath(path: string): boolean {
  return /^(\.\.?([/\\]|$)|\/|\\|[A-Za-z]:[/\\])/.test(path);
}

const TOOLCHAIN = /^go([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:(alpha|beta|rc)([0-9]+))?$/;

/**
 * The standard library's version as the Go vulnerability database writes it: `go1.22.1` → `1.22.1`, `go1.20` →
 * `1.20.0`, `go1.21rc2` → `1.21.0-rc.2`; GOEXPERIMENT suffixes (`go1.22.1 X:boringcrypto`) are dropped. Anything else
 * (a devel toolchain) is kept as written.
 */
export function stdlibVersion(goVersion: string): string {
  const match = TOOLCHAIN.exec(goVersion.trim().split(/\s+/)[0] ?? '');
  if (!match) return goVersion.trim();
  const [, major, minor = '0', patch = '0', pre, preNumber] = match;
  return `${major}.${minor}.${patch}${pre ? `-${pre}.${preNumber}` : ''}`;
}
