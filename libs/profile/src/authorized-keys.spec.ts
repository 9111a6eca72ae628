import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFingerprint } from './authorized-keys.js';

function hasSshKeygen(): boolean {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const haveTool = hasSshKeygen();
if (!haveTool) process.stderr.write('authorized-keys.spec: ssh-keygen not installed, fingerprints not checked against it\n');

describe('keyFingerprint', () => {
  (haveTool ? it.each(['ed25519', 'ecdsa', 'rsa']) : it.skip.each(['ed25519']))('matches ssh-keygen -lf for a fresh %s key', (type) => {
    const dir = mkdtempSync(join(tmpdir(), 'dhi-profile-ssh-'));
    try {
      const key = join(dir, 'key');
      execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'user@host.example', '-f', key]);
      const [, fingerprint] = execFileSync('ssh-keygen', ['-lf', `${key}.pub`], { encoding: 'utf8' }).split(' ');
      const line = readFileSync(`${key}.pub`, 'utf8').trim();
      const keyType = line.split(' ')[0];
      expect(keyFingerprint(line)).toBe(`${keyType} ${fingerprint}`);
      expect(keyFingerprint(`from="10.0.0.0/8",no-pty,command="/bin/true" ${line}`)).toBe(`${keyType} ${fingerprint}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ignores comments, blank lines and blobs that do not declare the type in front of them', () => {
    expect(keyFingerprint('# ssh-ed25519 AAAA')).toBeNull();
    expect(keyFingerprint('   ')).toBeNull();
    expect(keyFingerprint(`ssh-rsa ${Buffer.from('\0\0\0\x0bssh-ed25519xxxx', 'latin1').toString('base64')}`)).toBeNull();
  });
});
