import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, pollUntil } from '@dhi/testing';
import { stringify } from 'yaml';

const run = promisify(execFile);
const REGISTRY_BINARY = '/usr/bin/docker-registry';

/** An anonymous distribution registry on a free loopback port (the image library's registry tests cover auth). */
export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  /** Pushes an image archive with skopeo; returns the manifest digest. */
  push(archive: Buffer, format: 'oci-archive' | 'docker-archive', repoTag: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts Debian's docker-registry with storage in a temp directory; fails clearly when it or skopeo is missing. */
export async function startTestRegistry(): Promise<TestRegistry> {
  for (const [binary, pkg] of [[REGISTRY_BINARY, 'docker-registry'], ['/usr/bin/skopeo', 'skopeo']]) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: install it with "apt-get install -y ${pkg}" to run the registry tests`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'dhi-build-registry-'));
  const host = `127.0.0.1:${await freePort()}`;
  const config = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: path.join(dir, 'storage') } },
    http: { addr: host, secret: randomBytes(16).toString('hex') },
  };
  await writeFile(path.join(dir, 'config.yml'), stringify(config));
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pollUntil(() => child.exitCode === null && fetch(`http://${host}/v2/`).then((r) => r.status === 200, () => false), {
      timeoutMs: 15_000,
      intervalMs: 50,
      description: `docker-registry answering on ${host}`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host,
    async push(archive, format, repoTag) {
      const id = randomBytes(4).toString('hex');
      const file = path.join(dir, `${id}.tar`);
      await writeFile(file, archive);
      await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', '--digestfile', `${file}.digest`, `${format}:${file}`, `docker://${host}/${repoTag}`]);
      return (await readFile(`${file}.digest`, 'utf8')).trim();
    },
    stop,
  };
}
