import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { startTokenServer, type TokenServer } from './token-server.js';

const run = promisify(execFile);
const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface UserPassword {
  username: string;
  password: string;
}

export type RegistryAuthMode = { kind: 'anonymous' } | { kind: 'basic'; user: UserPassword } | { kind: 'token'; user: UserPassword };

/** Debian's distribution registry, started on a free loopback port with its storage in a temp directory. */
export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  storageDir: string;
  /** Requests the token service received (token mode only): the scope asked for, and whether the credentials were right. */
  tokenRequests: { scope: string | null; authorized: boolean }[];
  /** Where the registry's filesystem driver keeps a blob's bytes. */
  blobPath(digest: string): string;
  /** Pushes an image archive with skopeo (`oci-archive` or `docker-archive`) and returns the pushed manifest digest. */
  push(archivePath: string, format: 'oci-archive' | 'docker-archive', repoTag: string): Promise<string>;
  /** PUTs a manifest or index as it is (for indexes built by a test). */
  putManifest(repo: string, reference: string, mediaType: string, bytes: Buffer): Promise<void>;
  stop(): Promise<void>;
}

/** Fails clearly when a tool the registry tests need is not installed (CI installs it in .ci/run). */
export function requireTools(): void {
  for (const [binary, pkg] of [[REGISTRY_BINARY, 'docker-registry'], ['/usr/bin/skopeo', 'skopeo'], ['/usr/bin/openssl', 'openssl'], ['/usr/bin/htpasswd', 'apache2-utils']]) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: install it with "apt-get install -y ${pkg}" to run the registry tests`);
  }
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Bounded wait for the registry to answer on /v2/. */
async function waitForRegistry(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${output()}`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200 || status === 401) return;
    await sleep(50);
  }
  throw new Error(`docker-registry did not answer on ${url} within 15 s: ${output()}`);
}

function authConfig(mode: RegistryAuthMode, dir: string, token: TokenServer | null): Record<string, unknown> | undefined {
  if (mode.kind === 'basic') return { htpasswd: { realm: 'test-registry', path: join(dir, 'htpasswd') } };
  if (mode.kind === 'token' && token) return { token: { realm: token.realm, service: token.service, issuer: token.issuer, rootcertbundle: token.certPath } };
  return undefined;
}

/** Starts a registry for one test file; `stop()` kills it and removes its storage. */
export async function startTestRegistry(mode: RegistryAuthMode = { kind: 'anonymous' }): Promise<TestRegistry> {
  requireTools();
  const dir = await mkdtemp(join(tmpdir(), 'dhi-registry-'));
  const storageDir = join(dir, 'storage');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const token = mode.kind === 'token' ? await startTokenServer(dir, mode.user) : null;
  if (mode.kind === 'basic') await run('htpasswd', ['-Bbc', join(dir, 'htpasswd'), mode.user.username, mode.user.password]);
  const config = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: storageDir }, delete: { enabled: true } },
    http: { addr: host, secret: randomBytes(16).toString('hex') },
    auth: authConfig(mode, dir, token),
  };
  await writeFile(join(dir, 'config.yml'), stringify(config));
  const child = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await token?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForRegistry(`http://${host}/v2/`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const pushUser = mode.kind === 'anonymous' ? null : mode.user;
  return {
    host,
    storageDir,
    tokenRequests: token?.requests ?? [],
    blobPath: (digest) => {
      const hex = digest.slice('sha256:'.length);
      return join(storageDir, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    },
    async push(archivePath, format, repoTag) {
      const digestFile = join(dir, `digest-${randomBytes(4).toString('hex')}`);
      const creds = pushUser ? ['--dest-creds', `${pushUser.username}:${pushUser.password}`] : [];
      await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', ...creds, '--digestfile', digestFile, `${format}:${archivePath}`, `docker://${host}/${repoTag}`]);
      return (await readFile(digestFile, 'utf8')).trim();
    },
    async putManifest(repo, reference, mediaType, bytes) {
      const headers: Record<string, string> = { 'content-type': mediaType };
      if (pushUser && mode.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${pushUser.username}:${pushUser.password}`).toString('base64')}`;
      if (pushUser && token) headers.authorization = `Bearer ${token.issue(`repository:${repo}:push,pull`)}`;
      const response = await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
      if (response.status !== 201) throw new Error(`PUT manifest ${repo}:${reference} answered ${response.status}: ${await response.text()}`);
    },
    stop,
  };
}
