import { checkPermissions } from '../src/index.js';
import { accountFiles, DEBIAN_12, hitsOf } from './support/fixtures.js';
import { imageOf, type TarItem } from './support/layers.js';

const usrBin: TarItem[] = [
  { name: 'usr/', type: 'directory' },
  { name: 'usr/bin/', type: 'directory' },
];

describe('setuid and setgid executables', () => {
  it('reports what Debian ships as low, naming the set, with a chmod patch', async () => {
    const image = await imageOf([
      ...accountFiles(),
      ...usrBin,
      { name: 'usr/bin/passwd', mode: 0o4755 },
      { name: 'usr/bin/chage', mode: 0o2755, gid: 42 },
      { name: 'usr/sbin/unix_chkpwd', mode: 0o2755, gid: 42 },
    ]);
    const hits = checkPermissions({ ...image, os: DEBIAN_12 });
    const setuid = hitsOf(hits, 'permission.setuid');
    expect(setuid).toHaveLength(1);
    expect(setuid[0]).toMatchObject({
      key: ['/usr/bin/passwd'],
      severity: 'low',
      title: "setuid root executable /usr/bin/passwd (in Debian 12's expected set)",
      patch: 'RUN chmod u-s /usr/bin/passwd',
      evidence: { path: '/usr/bin/passwd', layerDigest: image.layers[0].digest, details: { mode: '4755', uid: 0, gid: 0, owner: 'root', group: 'root', expected: true } },
    });
    const setgid = hitsOf(hits, 'permission.setgid');
    expect(setgid.map((hit) => [hit.evidence.path, hit.severity, hit.patch])).toEqual([
      ['/usr/bin/chage', 'low', 'RUN chmod g-s /usr/bin/chage'],
      ['/usr/sbin/unix_chkpwd', 'low', 'RUN chmod g-s /usr/sbin/unix_chkpwd'],
    ]);
    expect(setgid[0].evidence.details).toMatchObject({ group: 'shadow', mode: '2755' });
  });

  it('recognises a split-/usr layout (Debian 11 images keep su in /bin)', async () => {
    const image = await imageOf([...accountFiles(), { name: 'bin/', type: 'directory' }, { name: 'bin/su', mode: 0o4755 }]);
    expect(hitsOf(checkPermissions({ ...image, os: { id: 'debian', versionId: '11' } }), 'permission.setuid').map((hit) => hit.severity)).toEqual(['low']);
  });

  it('reports anything else setuid root as high, setuid to another user and setgid as medium', async () => {
    const image = await imageOf([
      ...accountFiles({ passwd: 'root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n' }),
      { name: 'opt/tool', mode: 0o4755 },
      { name: 'opt/as-app', mode: 0o4755, uid: 1000 },
      { name: 'opt/group-tool', mode: 0o2755, gid: 50 },
      // a distribution path handed to another owner is not the distribution's file
      ...usrBin,
      { name: 'usr/bin/passwd', mode: 0o4755, uid: 1000 },
    ]);
    const hits = checkPermissions({ ...image, os: DEBIAN_12 });
    expect(hits.filter((hit) => hit.ruleId.startsWith('permission.set')).map((hit) => [hit.ruleId, hit.evidence.path, hit.severity])).toEqual([
      ['permission.setuid', '/opt/tool', 'high'],
      ['permission.setuid', '/opt/as-app', 'medium'],
      ['permission.setgid', '/opt/group-tool', 'medium'],
      ['permission.setuid', '/usr/bin/passwd', 'medium'],
    ]);
    expect(hits[0].title).toBe('setuid root executable /opt/tool not shipped setuid by Debian 12');
    expect(hits[1].title).toContain('app (uid 1000)');
  });

  it('expects nothing without a known distribution, and uses each family its own set', async () => {
    const image = await imageOf([...usrBin, { name: 'usr/bin/passwd', mode: 0o4755 }, { name: 'usr/lib/openssh/ssh-keysign', mode: 0o4755 }]);
    const severities = (os: { id: string; versionId: string | null } | null): (string | undefined)[] =>
      hitsOf(checkPermissions({ ...image, os }), 'permission.setuid').map((hit) => hit.severity);
    expect(severities(null)).toEqual(['high', 'high']);
    expect(severities({ id: 'wolfi', versionId: null })).toEqual(['high', 'high']);
    // Alpine's ssh-keysign lives in /usr/lib/ssh
    expect(severities({ id: 'alpine', versionId: '3.19' })).toEqual(['low', 'high']);
    expect(severities({ id: 'ubuntu', versionId: '24.04' })).toEqual(['low', 'low']);
  });

  it('ignores bits that grant nothing: no execute bit, setgid without group execute, directories, plain executables', async () => {
    const image = await imageOf([
      ...accountFiles(),
      { name: 'opt/inert', mode: 0o4644 },
      { name: 'opt/locking', mode: 0o2745 },
      { name: 'var/mail/', type: 'directory', mode: 0o2775, gid: 8 },
      { name: 'opt/plain', mode: 0o755 },
    ]);
    const hits = checkPermissions({ ...image, os: DEBIAN_12 });
    expect(hits.filter((hit) => hit.ruleId.startsWith('permission.set'))).toEqual([]);
  });

  it('names the layer that set the bit, and sees a hard link to a setuid file under another name', async () => {
    const image = await imageOf(
      [...usrBin, { name: 'usr/bin/helper', mode: 0o755 }],
      [...usrBin, { name: 'usr/bin/helper', mode: 0o4755 }, { name: 'usr/bin/passwd', mode: 0o4755 }, { name: 'opt/p', type: 'link', linkname: 'usr/bin/passwd', mode: 0o4755 }],
    );
    const hits = hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.setuid');
    expect(hits.map((hit) => [hit.evidence.path, hit.severity, hit.evidence.layerDigest])).toEqual([
      ['/usr/bin/helper', 'high', image.layers[1].digest],
      ['/usr/bin/passwd', 'low', image.layers[1].digest],
      ['/opt/p', 'high', image.layers[1].digest],
    ]);
  });

  it('quotes a path with shell metacharacters in the patch', async () => {
    const image = await imageOf([{ name: "opt/it's here", mode: 0o4755 }]);
    expect(hitsOf(checkPermissions({ ...image, os: null }), 'permission.setuid')[0].patch).toBe(`RUN chmod u-s '/opt/it'\\''s here'`);
  });
});
