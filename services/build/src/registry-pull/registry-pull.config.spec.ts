import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@dhi/service-kit';
import { registryPullConfigShape, registryPullSettings } from './registry-pull.config.js';

const SECRET = 'never-print-this-Pa55';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(registryPullConfigShape, env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('registry pull config', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dhi-registry-config-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to anonymous pulls, no insecure registries and a 60 s timeout', () => {
    expect(registryPullSettings(loadConfig(registryPullConfigShape, {}))).toEqual({ credentials: new Map(), insecure: [], timeoutMs: 60_000 });
    expect(registryPullSettings({})).toEqual({ credentials: new Map(), insecure: [], timeoutMs: 60_000 });
  });

  it('merges a docker config file and REGISTRY_CREDENTIALS, the latter winning', () => {
    const authFile = join(dir, 'config.json');
    const auth = (user: string) => Buffer.from(`${user}:${SECRET}`).toString('base64');
    writeFileSync(authFile, JSON.stringify({ auths: { 'a.test:5000': { auth: auth('from-file') }, 'b.test': { auth: auth('file-b') } } }));
    const settings = registryPullSettings(
      loadConfig(registryPullConfigShape, {
        REGISTRY_AUTH_FILE: authFile,
        REGISTRY_CREDENTIALS: JSON.stringify({ 'b.test': { username: 'from-env', password: SECRET } }),
        REGISTRY_INSECURE: 'A.test:5000, b.test',
        REGISTRY_TIMEOUT_SECONDS: '5',
      }),
    );
    expect(settings.credentials.get('a.test:5000')?.username).toBe('from-file');
    expect(settings.credentials.get('b.test')?.username).toBe('from-env');
    expect(settings.insecure).toEqual(['a.test:5000', 'b.test']);
    expect(settings.timeoutMs).toBe(5000);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
  });

  it('names a bad variable without quoting a secret', () => {
    const badJson = configError({ REGISTRY_CREDENTIALS: `{"a.test": {"username": "u", "password": "${SECRET}"` });
    expect(badJson).toMatch(/^REGISTRY_CREDENTIALS: .*not valid JSON/);
    const badShape = configError({ REGISTRY_CREDENTIALS: JSON.stringify({ 'a.test': { password: SECRET } }) });
    expect(badShape).toMatch(/^REGISTRY_CREDENTIALS: .*entry "a.test"/);
    const missingFile = configError({ REGISTRY_AUTH_FILE: join(dir, 'absent.json') });
    expect(missingFile).toMatch(/^REGISTRY_AUTH_FILE: cannot read the docker config file .*absent.json \(ENOENT\)/);
    for (const message of [badJson, badShape]) expect(message).not.toContain(SECRET);
    expect(configError({ REGISTRY_INSECURE: 'http://a.test' })).toMatch(/^REGISTRY_INSECURE/);
  });
});
