import { checkPermissions } from '../src/index.js';
import { accountFiles, DEBIAN_12, hitsOf } from './support/fixtures.js';
import { imageOf } from './support/layers.js';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'svc:x:998:998::/nonexistent:/usr/sbin/nologin',
  'dev:x:1000:1000::/home/dev:/bin/bash',
  'legacy::1001:1001::/home/legacy:',
  '',
].join('\n');

describe('empty passwords', () => {
  it('reports empty password fields: critical with a login shell, high without', async () => {
    const shadow = ['root:*:20000:0:99999:7:::', 'daemon:*:20000::::::', 'svc::20000::::::', 'dev::20000:0:99999:7:::', 'legacy:$6$salt$hash:20000::::::', ''].join('\n');
    // the layer that wrote /etc/shadow last is the evidence
    const image = await imageOf(accountFiles({ passwd: PASSWD }), accountFiles({ passwd: PASSWD, shadow }));
    const hits = hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.empty-password');
    expect(hits.map((hit) => [hit.key, hit.severity, hit.evidence.path])).toEqual([
      // an empty field in /etc/passwd itself: the shadow hash is never consulted
      [['legacy'], 'critical', '/etc/passwd'],
      [['svc'], 'high', '/etc/shadow'],
      [['dev'], 'critical', '/etc/shadow'],
    ]);
    expect(hits[2]).toMatchObject({
      title: 'Account dev has an empty password in /etc/shadow and the login shell /bin/bash',
      patch: 'RUN passwd -l dev',
      evidence: { layerDigest: image.layers[1].digest, details: { account: 'dev', uid: 1000, shell: '/bin/bash' } },
    });
    expect(hits[0].title).toContain('login shell /bin/sh');
  });

  it('accepts locked accounts (*, !, !*, !hash) and password hashes', async () => {
    const shadow = ['root:!:20000::::::', 'daemon:*:20000::::::', 'svc:!*:20000::::::', 'dev:!$6$salt$hash:20000::::::', 'legacy:$y$j9T$salt$hash:20000::::::', ''].join('\n');
    const image = await imageOf(accountFiles({ passwd: PASSWD.replace('legacy::', 'legacy:x:'), shadow }));
    expect(hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.empty-password')).toEqual([]);
  });
});

describe('uid 0 accounts besides root', () => {
  it('reports every other account with uid 0', async () => {
    const image = await imageOf(accountFiles({ passwd: `${PASSWD}toor:x:0:0::/root:/bin/sh\n` }));
    const hits = hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.uid0-account');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ key: ['toor'], evidence: { path: '/etc/passwd', layerDigest: image.layers[0].digest, details: { account: 'toor', uid: 0 } } });
  });

  it('accepts root alone with uid 0, and an image without account files', async () => {
    expect(hitsOf(checkPermissions({ ...(await imageOf(accountFiles({ passwd: PASSWD }))), os: DEBIAN_12 }), 'permission.uid0-account')).toEqual([]);
    expect(checkPermissions({ ...(await imageOf([{ name: 'app', data: 'x' }])), os: null })).toEqual([]);
  });
});
