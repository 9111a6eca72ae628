import { type LayerEntry } from '@dhi/image';
import { scanText, type SecretFileResult, secretInspector, type SecretScanOptions } from '../src/index.js';
import { FAKE_SECRETS } from './support/fake-secrets.js';
import { ALNUM, LOWER, randomSource } from './support/random-text.js';

const entry = (path: string, size: number): LayerEntry => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size, linkTarget: null });

/** Feeds a file to the real inspector in chunks of `chunkSize` bytes, as readImageFilesystem would. */
function inspect(path: string, bytes: Buffer, chunkSize: number, options: SecretScanOptions = {}): SecretFileResult | undefined {
  const inspector = secretInspector(options)(entry(path, bytes.length), path, 0);
  if (!inspector) return undefined;
  for (let at = 0; at < bytes.length; at += chunkSize) if (inspector.update(bytes.subarray(at, at + chunkSize)) === 'done') break;
  return inspector.finish();
}

/**
 * A 300 KB text file: every fake secret once, separated by filler lines of varying length, so that secrets fall on
 * chunk edges and on the scanner's batch cuts (every 64 KiB); a key block spans many lines.
 */
function bigFile(): string {
  const r = randomSource('big-file');
  const parts: string[] = [];
  const fakes = Object.entries(FAKE_SECRETS).map(([id, make]) => make(randomSource(id)).text);
  for (let i = 0; parts.join('').length < 300_000; i += 1) {
    parts.push(`# ${r(LOWER, 40 + ((i * 977) % 1500))}\n`);
    parts.push(fakes[i % fakes.length]);
  }
  return parts.join('');
}

describe('streaming scan', () => {
  const text = bigFile();
  const bytes = Buffer.from(text, 'latin1');
  const whole = scanText(text);

  it('finds the same secrets at the same lines and columns whatever the chunk size (1, 7, 4096, 65536 bytes)', () => {
    expect(whole.length).toBeGreaterThan(300);
    for (const chunkSize of [1, 7, 4096, 65_536]) expect(inspect('/app/big.txt', bytes, chunkSize)?.matches).toEqual(whole);
  });

  it('counts lines across chunks and reports a key block at its BEGIN line', () => {
    const key = whole.find((match) => match.ruleId === 'secret.private-key');
    expect(key).toBeDefined();
    const lines = text.split('\n');
    expect(lines[(key?.line ?? 0) - 1]).toBe('-----BEGIN RSA PRIVATE KEY-----');
    for (const match of whole.filter((m) => !m.ruleId.endsWith('private-key'))) {
      // the reported position is the secret's first character, on the reported line
      expect(text.slice(match.offset - match.column + 1, match.offset + 1)).not.toContain('\n');
      expect(text.slice(0, match.offset).split('\n').length).toBe(match.line);
    }
  });

  it('never keeps a secret: only a prefix of at most four characters and a fingerprint', () => {
    for (const match of whole) {
      expect(match.redacted).toMatch(/^.{0,4}…\(\d+ chars\)$/s);
      expect(match.fingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
    }
  });
});

describe('secretInspector', () => {
  const r = randomSource('inspector');
  const token = `TOKEN=gh${'p_'}${r(ALNUM, 36)}\n`;

  it('skips a binary file at its first chunk (NUL bytes) and marks it', () => {
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]), Buffer.from(token)]);
    expect(inspect('/usr/bin/app', binary, 4096)).toEqual({ bytes: 0, skipped: 'binary', matches: [] });
  });

  it('skips a file over maxFileBytes without scanning it', () => {
    const big = Buffer.from(token.repeat(100));
    expect(inspect('/app/big.env', big, 64, { maxFileBytes: 1000 })).toEqual({ bytes: 0, skipped: 'oversize', matches: [] });
    expect(inspect('/app/big.env', big, 64)?.matches).toHaveLength(100);
  });

  it('does not inspect allowlisted paths at all', () => {
    const options = { allowPaths: ['/usr/share/doc/**', '**/test/fixtures/**', '*.example'] };
    expect(inspect('/usr/share/doc/tool/README', Buffer.from(token), 64, options)).toBeUndefined();
    expect(inspect('/src/app/test/fixtures/creds.txt', Buffer.from(token), 64, options)).toBeUndefined();
    expect(inspect('/etc/app/creds.example', Buffer.from(token), 64, options)).toBeUndefined();
    expect(inspect('/src/app/test/creds.txt', Buffer.from(token), 64, options)?.matches).toHaveLength(1);
  });

  it('runs only the private-key rules in certificate stores, by default', () => {
    const key = FAKE_SECRETS['secret.private-key'](randomSource('cert-store')).text;
    const store = inspect('/etc/ssl/certs/bundle.pem', Buffer.from(token + key), 64);
    expect(store).toMatchObject({ policy: 'certificate-store' });
    expect(store?.matches.map((match) => match.ruleId)).toEqual(['secret.private-key']);
    expect(inspect('/etc/ssl/certs/bundle.pem', Buffer.from(token + key), 64, { defaultPolicies: false })?.matches).toHaveLength(2);
  });

  it('drops allowlisted values and disabled rules', () => {
    const value = token.slice('TOKEN='.length, -1);
    expect(scanText(token, { allowValues: [value] })).toEqual([]);
    expect(scanText(token, { allowValues: [/^ghp_/] })).toEqual([]);
    expect(scanText(token, { disabledRules: ['secret.github-pat'] }).map((match) => match.ruleId)).toEqual(['secret.generic-keyword-assignment']);
  });

  it('keeps at most 1000 matches of a file and says so', () => {
    const many = Array.from({ length: 1200 }, (_, i) => `TOKEN=gh${'p_'}${r(LOWER, 30)}${String(i).padStart(6, '0')}\n`).join('');
    const result = inspect('/app/many.txt', Buffer.from(many), 4096);
    expect(result?.matches).toHaveLength(1000);
    expect(result?.truncated).toBe(true);
  });

  it('reads UTF-8 text with non-ASCII characters as text', () => {
    const text = Buffer.from(`# configuración — 設定\n${token}`, 'utf8');
    expect(inspect('/etc/app.conf', text, 3)?.matches.map((match) => match.line)).toEqual([2]);
  });
});
