import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileSha256, runTool } from './run-tool.js';

/** A debootstrap'd Debian 12 (bookworm) `--variant=minbase` root filesystem, cached once per machine. */
export interface DebianRootfs {
  /** The root filesystem as debootstrap left it (root-owned; `var/lib/dpkg` is dpkg's admin dir). */
  dir: string;
  /** An uncompressed tar of `dir`, usable as one image layer. */
  tarball: string;
  /** `sha256:<hex>` of the tarball: its digest and diff id as an uncompressed layer. */
  digest: string;
  size: number;
}

export type DebianRootfsErrorCode = 'not_root' | 'debootstrap_missing' | 'debootstrap_failed' | 'tar_failed';

export type DebianRootfsResult = { ok: true; rootfs: DebianRootfs } | { ok: false; code: DebianRootfsErrorCode; message: string };

const NAME = 'debian-bookworm-minbase';
const PARTIAL = new RegExp(`^\\.${NAME}\\.(\\d+)\\.[0-9a-f]+\\.partial$`);

/** The cache root shared with the stack launcher: DHI_CACHE_DIR, else ~/.cache/dhi-platform. */
function cacheRoot(): string {
  return resolve(process.env.DHI_CACHE_DIR ?? join(homedir(), '.cache', 'dhi-platform'));
}

function readCached(dir: string): DebianRootfs | null {
  const meta = join(dir, 'layer.json');
  if (!existsSync(meta)) return null;
  const { digest, size } = JSON.parse(readFileSync(meta, 'utf8')) as { digest: string; size: number };
  return { dir: join(dir, 'rootfs'), tarball: join(dir, 'rootfs.tar'), digest, size };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// a killed build leaves a few hundred MB behind; only builds whose process is gone are removed
function removeAbandonedBuilds(root: string): void {
  for (const name of readdirSync(root)) {
    const match = PARTIAL.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

async function build(work: string, log: (message: string) => void): Promise<DebianRootfsResult | null> {
  const target = join(work, 'rootfs');
  // no mirror argument: debootstrap's default Debian mirror, the one apt on these machines uses too
  log(`debootstrap --variant=minbase bookworm ${target} (first run on this machine only; takes minutes)`);
  const strap = await runTool('debootstrap', ['--variant=minbase', 'bookworm', target]);
  if (strap.missing) return { ok: false, code: 'debootstrap_missing', message: 'debootstrap is not installed (apt-get install debootstrap)' };
  if (strap.code !== 0) return { ok: false, code: 'debootstrap_failed', message: `debootstrap exited with ${strap.code}: ${strap.tail}` };
  const tarball = join(work, 'rootfs.tar');
  const tar = await runTool('tar', ['--numeric-owner', '--sort=name', '-C', target, '-cf', tarball, '.']);
  if (tar.code !== 0) return { ok: false, code: 'tar_failed', message: `tar of the root filesystem failed (${tar.code}): ${tar.tail}` };
  writeFileSync(join(work, 'layer.json'), `${JSON.stringify(await fileSha256(tarball))}\n`);
  return null;
}

/**
 * The Debian 12 minbase root filesystem and its tarball, built with debootstrap on first use and kept under the cache
 * root. Concurrent callers each build in a private directory and rename it into place; the first rename wins. Building
 * needs root: `not_root` when it is not cached and we are not root.
 */
export async function debianMinbaseRootfs(options: { log?: (message: string) => void } = {}): Promise<DebianRootfsResult> {
  const log = options.log ?? ((message: string) => process.stderr.write(`[debian-rootfs] ${message}\n`));
  const root = cacheRoot();
  const final = join(root, NAME);
  const cached = readCached(final);
  if (cached) return { ok: true, rootfs: cached };
  if (process.getuid?.() !== 0) {
    return { ok: false, code: 'not_root', message: `debootstrap needs root to build ${final} once; run as root (CI does)` };
  }
  mkdirSync(root, { recursive: true });
  removeAbandonedBuilds(root);
  const work = join(root, `.${NAME}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  mkdirSync(work);
  try {
    const failed = await build(work, log);
    if (failed) return failed;
    try {
      renameSync(work, final);
    } catch (error) {
      // another process renamed its complete build into place first: use that one
      if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    return { ok: true, rootfs: readCached(final) as DebianRootfs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
