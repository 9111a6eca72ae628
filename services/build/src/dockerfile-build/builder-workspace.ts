import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PREFIX = 'build-';

/** Mount points at or under `dir`, deepest first (from /proc/self/mountinfo; field 5 is the mount point). */
async function mountsUnder(dir: string): Promise<string[]> {
  const info = await readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
  return info
    .split('\n')
    .map((line) => line.split(' ')[4]?.replace(/\\040/g, ' '))
    .filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
}

/** Unmounts whatever the builder left mounted under `dir`, then removes it. */
async function removeTree(dir: string): Promise<void> {
  for (const point of await mountsUnder(dir)) await run('umount', ['-l', point]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * The private directory of one build (mode 0700, under BUILDER_WORK_DIR): the extracted context, buildah's storage
 * and run root, its temp files, the base images and the built archive. Removed whole after the build.
 */
export class BuilderWorkspace {
  readonly context: string;
  readonly root: string;
  readonly runroot: string;
  readonly tmp: string;
  readonly bases: string;
  readonly out: string;
  readonly registriesConf: string;
  readonly authFile: string;

  private constructor(readonly dir: string) {
    this.context = path.join(dir, 'context');
    this.root = path.join(dir, 'storage', 'root');
    this.runroot = path.join(dir, 'storage', 'runroot');
    this.tmp = path.join(dir, 'tmp');
    this.bases = path.join(dir, 'bases');
    this.out = path.join(dir, 'out');
    this.registriesConf = path.join(dir, 'registries.conf');
    this.authFile = path.join(dir, 'auth.json');
  }

  static async create(workDir: string, buildId: string): Promise<BuilderWorkspace> {
    await mkdir(workDir, { recursive: true, mode: 0o700 });
    const workspace = new BuilderWorkspace(await mkdtemp(path.join(workDir, `${PREFIX}${buildId}-`)));
    for (const dir of [workspace.context, workspace.root, workspace.runroot, workspace.tmp, workspace.bases, workspace.out]) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
    }
    // no search registries and no aliases: a short name can only mean an image already in the private storage
    await writeFile(workspace.registriesConf, 'unqualified-search-registries = []\nshort-name-mode = "disabled"\n', { mode: 0o600 });
    // buildah insists the auth file exists; an empty one means no host credentials are ever used
    await writeFile(workspace.authFile, '{"auths":{}}\n', { mode: 0o600 });
    return workspace;
  }

  /** Environment of every buildah call: nothing read from or written to the host's container configuration or /var/tmp. */
  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: this.dir,
      TMPDIR: this.tmp,
      CONTAINERS_REGISTRIES_CONF: this.registriesConf,
      REGISTRY_AUTH_FILE: this.authFile,
      BUILDAH_ISOLATION: 'chroot',
      STORAGE_DRIVER: 'vfs',
    };
  }

  /** The global storage options every buildah call starts with. */
  storageArgs(): string[] {
    return ['--storage-driver', 'vfs', '--root', this.root, '--runroot', this.runroot];
  }

  async remove(): Promise<void> {
    await removeTree(this.dir);
  }

  /** Removes the workspaces of builds a crashed process left behind (the work dir belongs to this instance alone). */
  static async removeStale(workDir: string): Promise<number> {
    await mkdir(workDir, { recursive: true, mode: 0o700 });
    const stale = (await readdir(workDir)).filter((name) => name.startsWith(PREFIX));
    for (const name of stale) await removeTree(path.join(workDir, name));
    return stale.length;
  }
}
