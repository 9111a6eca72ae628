import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The machine's Go command: /usr/local/go/bin/go where installed, else `go` from PATH. */
export const GO = existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';

/** An offline, reproducible build environment; the build cache is the default one unless no home directory gives one. */
function goEnv(tempDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOWORK: 'off',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
    GOOS: 'linux',
    GOPATH: join(tempDir, 'gopath'),
  };
  if (!env.GOCACHE && !env.XDG_CACHE_HOME && !env.HOME) env.GOCACHE = join(tempDir, 'gocache');
  return env;
}

/** Writes a module's files under `dir`. */
export function writeGoModule(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Writes a module's files under `dir` and builds its main package into `out`. */
export function buildGoModule(tempDir: string, dir: string, files: Record<string, string>, out: string): void {
  writeGoModule(dir, files);
  execFileSync(GO, ['build', '-buildvcs=false', '-o', out, '.'], { cwd: dir, env: goEnv(tempDir), stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface GoVersionModule {
  path: string;
  version: string;
  replace: { path: string; version: string } | null;
}

/** What `go version -m` reports for a binary. */
export interface GoVersionReport {
  goVersion: string;
  path: string;
  main: GoVersionModule | null;
  deps: GoVersionModule[];
}

/** Runs `go version -m` on a binary and parses its report (`<file>: go1.x`, then tab-indented build info lines). */
export function goVersionM(binary: string, tempDir: string): GoVersionReport {
  const text = execFileSync(GO, ['version', '-m', binary], { env: goEnv(tempDir), encoding: 'utf8' });
  const [first, ...lines] = text.split('\n');
  const report: GoVersionReport = { goVersion: first.slice(first.lastIndexOf(': ') + 2).trim(), path: '', main: null, deps: [] };
  let last: GoVersionModule | null = null;
  for (const line of lines) {
    const [word, ...columns] = line.replace(/^\t/, '').split('\t');
    if (word === 'path') report.path = columns[0];
    if (word === 'mod' || word === 'dep') {
      last = { path: columns[0], version: columns[1], replace: null };
      if (word === 'mod') report.main = last;
      else report.deps.push(last);
    }
    if (word === '=>' && last) last.replace = { path: columns[0], version: columns[1] };
  }
  return report;
}
