import { type BuildProfile, ProfileError, profileRead } from '../src/index.js';
import { imageConfig, profileOf, storeLayers, temporaryStore } from './support/image-fixtures.js';

// generated with `ssh-keygen -t ed25519 -C deploy@ci.example`; `ssh-keygen -lf` printed the fingerprint below
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO/0LNSvYW1o9b/E6PD9CFw7KnpzGi8Aut4Qc0JCxtun deploy@ci.example';
const FINGERPRINT = 'SHA256:yjB2D4OwRrjo+siNTRA8898T71RQljcKGuXjHLtYNl4';

describe('build profile fields', () => {
  const { store, dispose } = temporaryStore();
  let profile: BuildProfile;
  let layers: { digest: string; size: number }[];
  afterAll(dispose);

  beforeAll(async () => {
    layers = await storeLayers(store, [
      [
        { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:App:/home/app:/bin/sh\n' },
        { name: 'etc/group', data: 'root:x:0:\napp:x:1000:app,root\n' },
        { name: 'etc/crontab', data: 'SHELL=/bin/sh\n# m h dom mon dow user\tcommand\n17 *\t* * *\troot    cd / && run-parts /etc/cron.hourly\n' },
        { name: 'etc/cron.daily/.placeholder', data: '# keep\n' },
        { name: 'etc/cron.daily/logrotate', data: '#!/bin/sh\n', mode: 0o755 },
        { name: 'lib/systemd/system/app.service', data: '[Service]\nExecStart=/usr/bin/app\n' },
        { name: 'lib/systemd/system/app.conf', data: 'not a unit\n' },
        { name: 'etc/systemd/system/multi-user.target.wants/app.service', type: 'symlink', linkname: '/lib/systemd/system/app.service' },
        { name: 'usr/bin/su', data: 'su', mode: 0o4755 },
        { name: 'usr/bin/wall', data: 'wall', mode: 0o2755 },
        { name: 'usr/bin/link-to-su', type: 'symlink', linkname: 'su' },
        { name: 'tmp/', type: 'directory', mode: 0o1777 },
        { name: 'var/drop/', type: 'directory', mode: 0o777 },
        { name: 'README', data: 'top level file' },
      ],
      [
        { name: 'etc/cron.d/backup', data: '0 3 * * * root /usr/local/bin/backup\n' },
        { name: 'var/spool/cron/crontabs/app', data: '@reboot /home/app/start.sh\n' },
        { name: 'usr/lib/systemd/system/miner.timer', data: '[Timer]\n' },
        { name: 'home/app/.ssh/authorized_keys', data: `# deploy key\n\nno-pty ${PUBLIC_KEY}\n` },
        { name: 'etc/world-writable.conf', data: 'x', mode: 0o666 },
      ],
    ]);
    const config = imageConfig({
      User: 'app',
      Entrypoint: ['/usr/bin/app'],
      Cmd: ['--serve'],
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      Env: ['PATH=/usr/bin:/bin', 'API_TOKEN=s3cr3t', 'EMPTY='],
      WorkingDir: '/srv',
      Healthcheck: { Test: ['CMD', 'wget', '-q', 'http://health.example/'], Interval: 30_000_000_000 },
    });
    ({ profile } = await profileOf(store, layers, { config }));
  });

  it('takes users and groups from /etc/passwd and /etc/group', () => {
    expect(profile.users).toEqual([
      { name: 'app', uid: 1000, gid: 1000, home: '/home/app', shell: '/bin/sh' },
      { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' },
    ]);
    expect(profile.groups).toEqual([
      { name: 'app', gid: 1000, members: ['app', 'root'] },
      { name: 'root', gid: 0, members: [] },
    ]);
  });

  it('takes the runtime config, with environment names but never their values', () => {
    expect(profile.config).toEqual({
      user: 'app',
      entrypoint: ['/usr/bin/app'],
      cmd: ['--serve'],
      exposedPorts: ['53/udp', '8080/tcp'],
      envKeys: ['API_TOKEN', 'EMPTY', 'PATH'],
      workdir: '/srv',
      healthcheck: ['CMD', 'wget', '-q', 'http://health.example/'],
    });
    expect(JSON.stringify(profile)).not.toContain('s3cr3t');
  });

  it('lists cron entries, periodic scripts, systemd units with their enablement links, and authorized keys', () => {
    expect(profile.persistence).toEqual({
      cron: [
        '/etc/cron.d/backup: 0 3 * * * root /usr/local/bin/backup',
        '/etc/cron.daily/logrotate: run-parts /etc/cron.daily',
        '/etc/crontab: 17 * * * * root cd / && run-parts /etc/cron.hourly',
        '/var/spool/cron/crontabs/app: @reboot /home/app/start.sh',
      ],
      systemdUnits: ['/etc/systemd/system/multi-user.target.wants/app.service', '/lib/systemd/system/app.service', '/usr/lib/systemd/system/miner.timer'],
      authorizedKeys: [`/home/app/.ssh/authorized_keys: ssh-ed25519 ${FINGERPRINT}`],
    });
  });

  it('lists setuid, setgid and world-writable paths, ignoring symlinks and sticky directories', () => {
    expect(profile.setuid).toEqual(['/usr/bin/su']);
    expect(profile.setgid).toEqual(['/usr/bin/wall']);
    expect(profile.worldWritable).toEqual(['/etc/world-writable.conf', '/var/drop']);
  });

  it('counts layers, sizes and regular files per top-level directory', () => {
    expect(profile.layers).toEqual(layers);
    expect(profile.totalSize).toBe(layers[0].size + layers[1].size);
    expect(profile.filesPerTopDir).toEqual({ '/': 1, '/etc': 7, '/home': 1, '/lib': 2, '/usr': 3, '/var': 1 });
    expect(profile.fileCount).toBe(15);
    expect(profile.executables.map((executable) => [executable.path, executable.owner])).toEqual([
      ['/etc/cron.daily/logrotate', null],
      ['/usr/bin/su', null],
      ['/usr/bin/wall', null],
    ]);
    expect(profile.integrity.unownedSystemExecutables.map((executable) => executable.path)).toEqual(['/usr/bin/su', '/usr/bin/wall']);
  });

  it('refuses a profile before the read and a bad hash bound, with codes', () => {
    expect(() => profileRead({ maxHashBytes: -1 })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    const read = profileRead();
    expect(() => read.profile({ catalog: { os: null, packages: [], removed: [], notes: [] }, config: imageConfig(), layers: [] })).toThrow(ProfileError);
  });
});
