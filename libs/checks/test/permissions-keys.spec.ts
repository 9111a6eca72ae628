import { checkPermissions, isPrivateKeyCandidate, wantsPermissionContent } from '../src/index.js';
import { hitsOf } from './support/fixtures.js';
import { imageOf } from './support/layers.js';

const KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIOsample0nly0a0test0fixture00000000000000\n-----END PRIVATE KEY-----\n';
const OPENSSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';
const ENCRYPTED_KEY = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';

describe('private keys readable by others', () => {
  it('names the files whose content is needed', () => {
    expect(['/etc/ssl/private/site.key', '/app/tls.pem', '/root/.ssh/id_ed25519', '/etc/ssh/ssh_host_rsa_key', '/etc/shadow'].every(wantsPermissionContent)).toBe(true);
    expect(['/etc/ssh/ssh_host_rsa_key.pub', '/root/.ssh/id_rsa.pub', '/app/keys.json', '/usr/bin/keyctl'].some(isPrivateKeyCandidate)).toBe(false);
  });

  it('reports keys others can read as high and keys only their group can read as medium', async () => {
    const image = await imageOf([
      { name: 'app/', type: 'directory' },
      { name: 'app/tls.key', data: KEY, mode: 0o644 },
      { name: 'home/dev/.ssh/id_ed25519', data: OPENSSH_KEY, mode: 0o640, uid: 1000, gid: 1000 },
      { name: 'app/enc.pem', data: ENCRYPTED_KEY, mode: 0o644 },
      { name: 'usr/lib/python3/test/keycert.pem', data: CERT + KEY, mode: 0o644 },
    ]);
    const hits = hitsOf(checkPermissions({ ...image, os: null }), 'permission.private-key-readable');
    expect(hits.map((hit) => [hit.evidence.path, hit.severity, hit.evidence.details?.readableBy])).toEqual([
      ['/app/tls.key', 'high', 'others'],
      ['/home/dev/.ssh/id_ed25519', 'medium', 'group'],
      ['/app/enc.pem', 'medium', 'others'],
      ['/usr/lib/python3/test/keycert.pem', 'low', 'others'],
    ]);
    expect(hits[0]).toMatchObject({ title: 'Private key /app/tls.key is readable by every user', patch: 'RUN chmod go-rwx /app/tls.key', evidence: { layerDigest: image.layers[0].digest, details: { mode: '0644' } } });
  });

  it('accepts owner-only keys, keys in a directory others cannot search, certificates and public keys', async () => {
    const image = await imageOf([
      { name: 'etc/ssh/ssh_host_ed25519_key', data: OPENSSH_KEY, mode: 0o600 },
      { name: 'etc/ssl/private/', type: 'directory', mode: 0o700 },
      { name: 'etc/ssl/private/site.key', data: KEY, mode: 0o644 },
      { name: 'etc/ssl/certs/ca.pem', data: CERT, mode: 0o644 },
      { name: 'app/not-a-key.key', data: 'just text', mode: 0o644 },
    ]);
    expect(hitsOf(checkPermissions({ ...image, os: null }), 'permission.private-key-readable')).toEqual([]);
  });
});
