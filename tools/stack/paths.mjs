// Where the launcher keeps its data, caches and logs; every location can be overridden by an env variable.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** True when we run as root, where PostgreSQL must be run as the `postgres` OS user. */
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The folders from `dir` up to `/` that exist and cannot be traversed by other users (o+x missing). */
export function blockedAncestors(dir) {
  const blocked = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      if ((statSync(current).mode & 0o001) === 0) blocked.push(current);
    } catch {
      // not created yet: only its existing parents matter
    }
    if (current === path.dirname(current)) return blocked;
  }
}

/**
 * The `npm start` data dir: DHI_STACK_DIR, else `<repo>/.stack`, unless we are root and the repo's parents
 * are closed to other users (e.g. under /root): the postgres OS user could not reach its cluster there,
 * so the stack then lives in `<tmpdir>/dhi-platform-stack`.
 */
export function stackDir() {
  if (process.env.DHI_STACK_DIR) return path.resolve(process.env.DHI_STACK_DIR);
  const inRepo = path.join(repoRoot, '.stack');
  if (!isRoot || blockedAncestors(repoRoot).length === 0) return inRepo;
  return path.join(os.tmpdir(), 'dhi-platform-stack');
}

/** The download cache root: DHI_CACHE_DIR, else ~/.cache/dhi-platform. */
export function cacheDir() {
  return path.resolve(process.env.DHI_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'dhi-platform'));
}

/** Reads an integer port from env, falling back to a default, and names the variable when it is bad. */
export function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return port;
}
