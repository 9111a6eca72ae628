// The accounts of the base images (/etc/passwd as shipped) plus the application's own.

const DEBIAN = [
  ['root', 0, '/root'], ['daemon', 1, '/usr/sbin'], ['bin', 2, '/bin'], ['sys', 3, '/dev'], ['sync', 4, '/bin'],
  ['games', 5, '/usr/games'], ['man', 6, '/var/cache/man'], ['lp', 7, '/var/spool/lpd'], ['mail', 8, '/var/mail'],
  ['news', 9, '/var/spool/news'], ['uucp', 10, '/var/spool/uucp'], ['proxy', 13, '/bin'], ['www-data', 33, '/var/www'],
  ['backup', 34, '/var/backups'], ['list', 38, '/var/list'], ['irc', 39, '/run/ircd'], ['_apt', 42, '/nonexistent'],
  ['nobody', 65534, '/nonexistent'],
];

const ALPINE = [
  ['root', 0, '/root'], ['bin', 1, '/bin'], ['daemon', 2, '/sbin'], ['adm', 3, '/var/adm'], ['lp', 4, '/var/spool/lpd'],
  ['sync', 5, '/sbin'], ['shutdown', 6, '/sbin'], ['halt', 7, '/sbin'], ['mail', 8, '/var/mail'], ['news', 9, '/usr/lib/news'],
  ['uucp', 10, '/var/spool/uucppublic'], ['operator', 11, '/root'], ['man', 13, '/usr/man'], ['postmaster', 14, '/var/mail'],
  ['cron', 16, '/var/spool/cron'], ['ftp', 21, '/var/lib/ftp'], ['sshd', 22, '/dev/null'], ['at', 25, '/var/spool/cron/atjobs'],
  ['squid', 31, '/var/cache/squid'], ['xfs', 33, '/etc/X11/fs'], ['games', 35, '/usr/games'], ['cyrus', 85, '/usr/cyrus'],
  ['vpopmail', 89, '/var/vpopmail'], ['ntp', 123, '/var/empty'], ['smmsp', 209, '/var/spool/mqueue'], ['guest', 405, '/dev/null'],
  ['nobody', 65534, '/'],
];

function shellOf(distro, name) {
  if (name === 'root') return distro === 'debian' ? '/bin/bash' : '/bin/sh';
  if (name === 'sync') return '/bin/sync';
  return distro === 'debian' ? '/usr/sbin/nologin' : '/sbin/nologin';
}

/** The base image's accounts and the application's: `app` (and `node` in node images, as the official image makes it). */
export function accountsOf(distro, runtime, appUid) {
  const base = distro === 'debian' ? DEBIAN : ALPINE;
  const users = base.map(([name, uid, home]) => ({ name, uid, gid: uid, home, shell: shellOf(distro, name) }));
  const shell = distro === 'debian' ? '/bin/bash' : '/bin/sh';
  if (runtime === 'node') users.push({ name: 'node', uid: 1000, gid: 1000, home: '/home/node', shell });
  users.push({ name: 'app', uid: appUid, gid: appUid, home: '/home/app', shell: distro === 'debian' ? '/usr/sbin/nologin' : '/sbin/nologin' });
  const groups = [
    { name: 'root', gid: 0, members: [] },
    { name: distro === 'debian' ? 'nogroup' : 'nobody', gid: 65534, members: [] },
    { name: 'app', gid: appUid, members: [] },
    ...(runtime === 'node' ? [{ name: 'node', gid: 1000, members: [] }] : []),
  ];
  return { users, groups };
}
