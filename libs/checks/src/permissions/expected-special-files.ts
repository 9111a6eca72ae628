/**
 * The setuid/setgid executables each distribution's own packages install, as `<bits> <path> [owner]`: `u` setuid, `g`
 * setgid, owner `root` unless named. Paths are in merged-/usr form (`/bin/su` and `/usr/bin/su` both match
 * `/usr/bin/su`); `*` stands for one path segment (an architecture triplet).
 *
 * Debian: read from real Debian 11, 12 and 13 root filesystems (debootstrap minbase plus the packages that ship such
 * files: passwd, login, mount, util-linux, sudo, openssh-client, dbus, polkitd, pkexec, cron, at, fuse, fuse3, ntfs-3g,
 * uidmap, liblockfile-bin, procmail, plocate, mlocate, exim4) and from the packages and maintainer scripts of postfix,
 * nfs-common, ppp, chromium-sandbox and xserver-xorg-legacy. The other families are from their packaging, not checked
 * against a root filesystem here.
 */
const DEBIAN = `
u /usr/bin/chfn
u /usr/bin/chsh
u /usr/bin/gpasswd
u /usr/bin/newgrp
u /usr/bin/passwd
u /usr/bin/su
u /usr/bin/mount
u /usr/bin/umount
u /usr/bin/sudo
u /usr/bin/pkexec
u /usr/bin/fusermount
u /usr/bin/fusermount3
u /usr/bin/ntfs-3g
u /usr/bin/newuidmap
u /usr/bin/newgidmap
u /usr/sbin/mount.nfs
u /usr/sbin/exim4
u /usr/sbin/pppd
u /usr/lib/openssh/ssh-keysign
u /usr/lib/dbus-1.0/dbus-daemon-launch-helper
u /usr/lib/polkit-1/polkit-agent-helper-1
u /usr/lib/chromium/chrome-sandbox
ug /usr/lib/xorg/Xorg.wrap
ug /usr/bin/at daemon
ug /usr/bin/procmail
g /usr/bin/chage
g /usr/bin/expiry
g /usr/bin/crontab
g /usr/bin/ssh-agent
g /usr/bin/dotlockfile
g /usr/bin/lockfile
g /usr/bin/plocate
g /usr/bin/mlocate
g /usr/sbin/unix_chkpwd
g /usr/sbin/postdrop
g /usr/sbin/postqueue
g /usr/lib/*/utempter/utempter
`;

const UBUNTU_EXTRA = `
u /usr/lib/snapd/snap-confine
u /usr/lib/eject/dmcrypt-get-device
g /usr/sbin/pam_extrausers_chkpwd
`;

const ALPINE = `
u /usr/bin/bbsuid
u /usr/bin/su
u /usr/bin/chage
u /usr/bin/chfn
u /usr/bin/chsh
u /usr/bin/expiry
u /usr/bin/gpasswd
u /usr/bin/newgrp
u /usr/bin/passwd
u /usr/bin/newuidmap
u /usr/bin/newgidmap
u /usr/bin/mount
u /usr/bin/umount
u /usr/bin/sudo
u /usr/bin/doas
u /usr/bin/pkexec
u /usr/bin/fusermount
u /usr/bin/fusermount3
u /usr/lib/ssh/ssh-keysign
u /usr/libexec/dbus-daemon-launch-helper
u /usr/lib/polkit-1/polkit-agent-helper-1
`;

const RHEL = `
u /usr/bin/chage
u /usr/bin/chfn
u /usr/bin/chsh
u /usr/bin/gpasswd
u /usr/bin/newgrp
u /usr/bin/passwd
u /usr/bin/su
u /usr/bin/mount
u /usr/bin/umount
u /usr/bin/sudo
u /usr/bin/pkexec
u /usr/bin/crontab
u /usr/bin/at
u /usr/bin/fusermount
u /usr/bin/fusermount3
u /usr/sbin/unix_chkpwd
u /usr/sbin/pam_timestamp_check
u /usr/sbin/userhelper
u /usr/sbin/mount.nfs
u /usr/sbin/grub2-set-bootflag
u /usr/lib/polkit-1/polkit-agent-helper-1
u /usr/libexec/dbus-1/dbus-daemon-launch-helper
g /usr/bin/write
g /usr/libexec/utempter/utempter
g /usr/libexec/openssh/ssh-keysign
g /usr/sbin/postdrop
g /usr/sbin/postqueue
`;

export interface ExpectedSpecialFile {
  setuid: boolean;
  setgid: boolean;
  owner: string;
}

export interface DistributionSet {
  /** How titles name the distribution: `Debian 12`, `Alpine 3.19`. */
  name: string;
  /** The expected file at a path (already in merged-/usr form), if any. */
  lookup(path: string): ExpectedSpecialFile | undefined;
}

/** `/bin/x` → `/usr/bin/x` (and sbin, lib*): merged-/usr and split images name the same file the same way. */
export function usrMerged(path: string): string {
  return /^\/(bin|sbin|lib|lib32|lib64|libx32)(\/|$)/.test(path) ? `/usr${path}` : path;
}

function compile(...tables: string[]): (path: string) => ExpectedSpecialFile | undefined {
  const exact = new Map<string, ExpectedSpecialFile>();
  const patterns: [RegExp, ExpectedSpecialFile][] = [];
  for (const line of tables.join('\n').split('\n').filter((row) => row.trim() !== '')) {
    const [bits, path, owner = 'root'] = line.trim().split(/\s+/);
    const entry = { setuid: bits.includes('u'), setgid: bits.includes('g'), owner };
    if (!path.includes('*')) exact.set(path, entry);
    else patterns.push([new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`), entry]);
  }
  return (path) => exact.get(path) ?? patterns.find(([pattern]) => pattern.test(path))?.[1];
}

const debian = compile(DEBIAN);
const ubuntu = compile(DEBIAN, UBUNTU_EXTRA);
const alpine = compile(ALPINE);
const rhel = compile(RHEL);
const RHEL_IDS = new Set(['rhel', 'centos', 'rocky', 'almalinux', 'fedora', 'ol', 'amzn', 'redhat']);

/** The distribution's expected setuid/setgid set, by os-release ID; null for a distribution without a known set. */
export function distributionSet(os: { id: string; versionId: string | null } | null): DistributionSet | null {
  if (!os) return null;
  const name = (label: string): string => (os.versionId ? `${label} ${os.versionId}` : label);
  if (os.id === 'debian') return { name: name('Debian'), lookup: debian };
  if (os.id === 'ubuntu') return { name: name('Ubuntu'), lookup: ubuntu };
  if (os.id === 'alpine') return { name: name('Alpine'), lookup: alpine };
  if (RHEL_IDS.has(os.id)) return { name: name(os.id === 'rhel' ? 'Red Hat Enterprise Linux' : os.id), lookup: rhel };
  return null;
}
