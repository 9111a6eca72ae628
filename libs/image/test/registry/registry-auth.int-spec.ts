import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { FileBlobStore, isRegistryError, pullImage, RegistryCredential, type PullImageOptions } from '../../src/index.js';
import { ociArchive, tarOf } from '../support/archive-builder.js';
import { startTestRegistry, type TestRegistry, type UserPassword } from './test-registry.js';


const USER: UserPassword = { username: 'ci-bot', password: 'Pa55-word-that-must-never-leak' };
const WRONG_PASSWORD = 'wrong-Pa55-never-leak-either';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dhi-pull-auth-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Pulls with the given credential, returning the image or the error, and every progress line. */
async function attempt(registry: TestRegistry, repoTag: string, credential?: RegistryCredential) {
  const progress: string[] = [];
  const options: PullImageOptions = {
    credentials: credential ? new Map([[registry.host, credential]]) : undefined,
    transport: { retries: 0 },
    progress: (line) => void progress.push(line),
  };
  const store = new FileBlobStore(await mkdtemp(join(dir, 'store-')));
  const result = await pullImage(`${registry.host}/${repoTag}`, store, options).catch((error: unknown) => error);
  return { result, progress };
}

function expectNoSecret(...texts: unknown[]): void {
  for (const text of texts) {
    const printed = typeof text === 'string' ? text : inspect(text, { depth: 6 });
    expect(printed).not.toContain(USER.password);
    expect(printed).not.toContain(WRONG_PASSWORD);
  }
}

describe.each([
  ['basic', 'basic'],
  ['bearer token', 'token'],
] as const)('pullImage with %s auth', (_label, kind) => {
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry({ kind, user: USER });
    const built = await ociArchive([await tarOf([{ name: 'secret-app', data: 'hello' }])]);
    const path = join(dir, `${kind}.tar`);
    await writeFile(path, built.archive);
    await registry.push(path, 'oci-archive', 'private/app:1');
  });

  afterAll(async () => {
    await registry?.stop();
  });

  it('pulls with the configured credentials', async () => {
    const { result, progress } = await attempt(registry, 'private/app:1', new RegistryCredential(USER.username, USER.password));
    expect(result).toMatchObject({ platform: { os: 'linux', architecture: 'amd64' } });
    expectNoSecret(progress.join('\n'));
    if (kind === 'token') expect(registry.tokenRequests).toContainEqual({ scope: 'repository:private/app:pull', authorized: true });
  });

  it('fails clearly with wrong credentials, without the password in the error or the log', async () => {
    const { result, progress } = await attempt(registry, 'private/app:1', new RegistryCredential(USER.username, WRONG_PASSWORD));
    expect(isRegistryError(result, 'registry_unauthorized')).toBe(true);
    expect((result as Error).message).toMatch(/refused the configured credentials \(user "ci-bot"\)/);
    expectNoSecret(result, (result as Error).message, (result as Error).stack, progress.join('\n'));
  });

  it('says that credentials are needed when none are configured', async () => {
    const { result } = await attempt(registry, 'private/app:1');
    expect(isRegistryError(result, 'registry_unauthorized')).toBe(true);
    expect((result as Error).message).toBe(`the registry at ${registry.host} requires credentials, and none are configured for it`);
  });
});
