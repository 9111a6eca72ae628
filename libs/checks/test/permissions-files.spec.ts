import { checkPermissions } from '../src/index.js';
import { accountFiles, DEBIAN_12, hitsOf } from './support/fixtures.js';
import { imageOf } from './support/layers.js';

describe('world-writable entries', () => {
  it('reports a world-writable file in a system path as high and elsewhere as medium, with chmod o-w', async () => {
    const image = await imageOf([...accountFiles(), { name: 'etc/app.conf', mode: 0o666 }, { name: 'srv/data.txt', mode: 0o646 }]);
    const hits = hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.world-writable');
    expect(hits.map((hit) => [hit.evidence.path, hit.severity, hit.patch])).toEqual([
      ['/etc/app.conf', 'high', 'RUN chmod o-w /etc/app.conf'],
      ['/srv/data.txt', 'medium', 'RUN chmod o-w /srv/data.txt'],
    ]);
    expect(hits[0]).toMatchObject({ title: 'World-writable file /etc/app.conf', evidence: { details: { mode: '0666', owner: 'root', below: 0 } } });
  });

  it('reports a world-writable directory without the sticky bit once, counting what is world-writable below it', async () => {
    const image = await imageOf([
      { name: 'app/', type: 'directory', mode: 0o777 },
      { name: 'app/run.sh', mode: 0o777 },
      { name: 'app/lib/', type: 'directory', mode: 0o777 },
      { name: 'app/lib/x.js', mode: 0o666 },
      { name: 'app/README', mode: 0o644 },
    ]);
    const hits = hitsOf(checkPermissions({ ...image, os: null }), 'permission.world-writable');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      key: ['/app'],
      severity: 'medium',
      title: 'World-writable directory /app without the sticky bit (and 3 world-writable entries below it)',
      patch: 'RUN chmod -R o-w /app',
      evidence: { details: { below: 3 } },
    });
  });

  it('accepts sticky directories, symlinks, device nodes and group-writable files', async () => {
    const image = await imageOf([
      { name: 'tmp/', type: 'directory', mode: 0o1777 },
      { name: 'var/tmp/', type: 'directory', mode: 0o1777 },
      { name: 'usr/bin/python', type: 'symlink', linkname: 'python3', mode: 0o777 },
      { name: 'dev/null', type: 'character-device', mode: 0o666 },
      { name: 'etc/shared.conf', mode: 0o664 },
    ]);
    expect(hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.world-writable')).toEqual([]);
  });
});

describe('system files owned by non-root users', () => {
  it('reports a file in a system path owned by another uid, by subtree, with a chown patch', async () => {
    const image = await imageOf([
      ...accountFiles({ passwd: 'root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n' }),
      { name: 'usr/local/bin/tool', mode: 0o755, uid: 1000, gid: 1000 },
      { name: 'usr/lib/app/', type: 'directory', uid: 1000 },
      { name: 'usr/lib/app/a.js', uid: 1000 },
      { name: 'usr/lib/app/b.js', uid: 1000 },
    ]);
    const hits = hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.non-root-system-file');
    expect(hits.map((hit) => [hit.evidence.path, hit.severity, hit.title, hit.patch])).toEqual([
      ['/usr/lib/app', 'medium', '/usr/lib/app in a system path is owned by app (uid 1000) (and 2 more entries below it)', 'RUN chown -R root /usr/lib/app'],
      ['/usr/local/bin/tool', 'medium', '/usr/local/bin/tool in a system path is owned by app (uid 1000)', 'RUN chown root /usr/local/bin/tool'],
    ]);
    expect(hits[1].evidence.details).toMatchObject({ uid: 1000, gid: 1000, owner: 'app', mode: '0755' });
  });

  it('leaves application trees, root-owned files with another group, symlinks and what packages own on purpose', async () => {
    const image = await imageOf([
      ...accountFiles({ passwd: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\npolkitd:x:997:997::/:/usr/sbin/nologin\n' }),
      { name: 'home/app/notes', uid: 1000 },
      { name: 'opt/app/server.js', uid: 1000 },
      { name: 'usr/src/app/index.js', uid: 1000 },
      { name: 'var/log/wtmp', gid: 43, mode: 0o664 },
      { name: 'usr/bin/link', type: 'symlink', linkname: 'tool', uid: 1000 },
      { name: 'usr/bin/at', mode: 0o6755, uid: 1, gid: 1 },
      { name: 'usr/share/polkit-1/rules.d/', type: 'directory', mode: 0o700, uid: 997 },
    ]);
    expect(hitsOf(checkPermissions({ ...image, os: DEBIAN_12 }), 'permission.non-root-system-file')).toEqual([]);
  });
});
