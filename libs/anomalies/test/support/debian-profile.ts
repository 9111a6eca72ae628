import { createHash } from 'node:crypto';
import { type BuildProfile, type ProfilePackage, type ProfileUser } from '@dhi/profile';

const DPKG = '/var/lib/dpkg/status';

/** sha256 hex of a label: stands for a file's content hash in fixtures. */
export function sha(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

/** A Debian package as the profile lists it. */
export function deb(name: string, version: string, source: string | null = null): ProfilePackage {
  return { name, version, ecosystem: 'deb', source, location: DPKG };
}

/** An npm package of the application under /app. */
export function npm(name: string, version: string): ProfilePackage {
  return { name, version, ecosystem: 'npm', source: null, location: `/app/node_modules/${name}/package.json` };
}

// A node:20-bookworm-slim style image: the OS packages of Debian 12 and an express application.
const DEBS: readonly [string, string, string?][] = [
  ['adduser', '3.134'], ['apt', '2.6.1'], ['base-files', '12.4+deb12u5'], ['base-passwd', '3.6.1'],
  ['bash', '5.2.15-2+b2'], ['bsdutils', '1:2.38.1-5+b1', 'util-linux'], ['ca-certificates', '20230311'],
  ['coreutils', '9.1-1'], ['dash', '0.5.12-2'], ['debconf', '1.5.82'], ['debian-archive-keyring', '2023.3+deb12u1'],
  ['debianutils', '5.7-0.5~deb12u1'], ['diffutils', '1:3.8-4'], ['dpkg', '1.21.22'], ['findutils', '4.9.0-4'],
  ['gcc-12-base', '12.2.0-14', 'gcc-12'], ['gpgv', '2.2.40-1.1', 'gnupg2'], ['grep', '3.8-5'], ['gzip', '1.12-1'],
  ['hostname', '3.23+nmu1'], ['init-system-helpers', '1.65.2'], ['libacl1', '2.3.1-3', 'acl'],
  ['libc-bin', '2.36-9+deb12u4', 'glibc'], ['libc6', '2.36-9+deb12u4', 'glibc'], ['libgcc-s1', '12.2.0-14', 'gcc-12'],
  ['libpam-modules', '1.5.2-6+deb12u1', 'pam'], ['libselinux1', '3.4-1+b6', 'libselinux'],
  ['libssl3', '3.0.11-1~deb12u2', 'openssl'], ['libstdc++6', '12.2.0-14', 'gcc-12'],
  ['libsystemd0', '252.22-1~deb12u1', 'systemd'], ['login', '1:4.13+dfsg1-1+b1', 'shadow'],
  ['mawk', '1.3.4.20200120-3.1'], ['mount', '2.38.1-5+b1', 'util-linux'], ['ncurses-base', '6.4-4'],
  ['passwd', '1:4.13+dfsg1-1+b1', 'shadow'], ['perl-base', '5.36.0-7+deb12u1', 'perl'], ['sed', '4.9-1'],
  ['sysvinit-utils', '3.06-4'], ['tar', '1.34+dfsg-1.2+deb12u1'], ['tzdata', '2024a-0+deb12u1'],
  ['util-linux', '2.38.1-5+b1'], ['zlib1g', '1:1.2.13.dfsg-1', 'zlib'],
];

const NPMS: readonly [string, string][] = [
  ['accepts', '1.3.8'], ['body-parser', '1.20.2'], ['cookie', '0.6.0'], ['debug', '2.6.9'], ['express', '4.18.2'],
  ['ms', '2.1.2'], ['qs', '6.11.0'], ['send', '0.18.0'], ['serve-static', '1.15.0'],
];

const SYSTEM_USERS: readonly [string, number, string][] = [
  ['root', 0, '/root'], ['daemon', 1, '/usr/sbin'], ['bin', 2, '/bin'], ['sys', 3, '/dev'], ['sync', 4, '/bin'],
  ['games', 5, '/usr/games'], ['man', 6, '/var/cache/man'], ['lp', 7, '/var/spool/lpd'], ['mail', 8, '/var/mail'],
  ['news', 9, '/var/spool/news'], ['uucp', 10, '/var/spool/uucp'], ['proxy', 13, '/bin'], ['www-data', 33, '/var/www'],
  ['backup', 34, '/var/backups'], ['list', 38, '/var/list'], ['irc', 39, '/run/ircd'], ['_apt', 42, '/nonexistent'],
  ['nobody', 65534, '/nonexistent'],
];

function users(): ProfileUser[] {
  const system = SYSTEM_USERS.map(([name, uid, home]) => ({
    name, uid, gid: uid, home, shell: name === 'root' ? '/bin/bash' : name === 'sync' ? '/bin/sync' : '/usr/sbin/nologin',
  }));
  return [...system, { name: 'node', uid: 1000, gid: 1000, home: '/home/node', shell: '/bin/bash' }];
}

function owned(path: string, owner: string, mode = 0o755): BuildProfile['executables'][number] {
  return { path, sha256: sha(path), size: 40_000 + path.length * 1000, mode, owner };
}

/** The first approved build of the lineage: everything later builds vary from. */
export function debianProfile(): BuildProfile {
  const packages = [...DEBS.map(([n, v, s]) => deb(n, v, s ?? null)), ...NPMS.map(([n, v]) => npm(n, v))];
  return {
    version: 1,
    os: { id: 'debian', versionId: '12' },
    packages: packages.sort((a, b) => a.location.localeCompare(b.location) || a.name.localeCompare(b.name)),
    executables: [
      owned('/usr/bin/bash', 'bash'), owned('/usr/bin/chfn', 'login', 0o4755), owned('/usr/bin/chsh', 'login', 0o4755),
      owned('/usr/bin/ls', 'coreutils'), owned('/usr/bin/mount', 'mount', 0o4755), owned('/usr/bin/passwd', 'passwd', 0o4755),
      owned('/usr/bin/su', 'util-linux', 0o4755), owned('/usr/bin/chage', 'passwd', 0o2755),
      owned('/usr/sbin/unix_chkpwd', 'libpam-modules', 0o2755),
      { path: '/usr/local/bin/node', sha256: sha('node 20.11.0'), size: 96_000_000, mode: 0o755, owner: null },
      { path: '/usr/local/bin/docker-entrypoint.sh', sha256: sha('entrypoint'), size: 388, mode: 0o755, owner: null },
      { path: '/app/bin/start', sha256: sha('app 1'), size: 2_100, mode: 0o755, owner: null },
    ],
    setuid: ['/usr/bin/chfn', '/usr/bin/chsh', '/usr/bin/gpasswd', '/usr/bin/mount', '/usr/bin/newgrp', '/usr/bin/passwd', '/usr/bin/su', '/usr/bin/umount'],
    setgid: ['/usr/bin/chage', '/usr/bin/expiry', '/usr/sbin/unix_chkpwd'],
    worldWritable: [],
    users: users(),
    groups: [{ name: 'root', gid: 0, members: [] }, { name: 'shadow', gid: 42, members: [] }, { name: 'node', gid: 1000, members: [] }],
    config: {
      user: 'node',
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node', '/app/server.js'],
      exposedPorts: ['3000/tcp'],
      envKeys: ['NODE_ENV', 'NODE_VERSION', 'PATH', 'YARN_VERSION'],
      workdir: '/app',
      healthcheck: null,
    },
    layers: [0, 1, 2, 3, 4].map((i) => ({ digest: `sha256:${sha(`base layer ${i}`)}`, size: 10_000_000 + i })),
    totalSize: 214_000_000,
    fileCount: 9_400,
    filesPerTopDir: { '/app': 1_150, '/etc': 410, '/usr': 7_640, '/var': 200 },
    integrity: {
      modifiedPackageFiles: [],
      unownedSystemExecutables: [
        { path: '/usr/local/bin/docker-entrypoint.sh', sha256: sha('entrypoint') },
        { path: '/usr/local/bin/node', sha256: sha('node 20.11.0') },
      ],
      verifiedFiles: 5_210,
      unverifiable: 3,
    },
    persistence: {
      cron: [],
      systemdUnits: [
        '/lib/systemd/system/apt-daily-upgrade.service', '/lib/systemd/system/apt-daily-upgrade.timer',
        '/lib/systemd/system/apt-daily.service', '/lib/systemd/system/apt-daily.timer',
      ],
      authorizedKeys: [],
    },
  };
}
