// Debian 12 (bookworm) packages as dpkg lists them: `name version [source] [executables]`, executables as paths, a
// `+s` or `+g` prefix for the setuid or setgid bit. CORE is what bookworm-slim installs; EXTRA what images add.

export const DEBIAN_CORE = `
adduser 3.134
apt 2.6.1 /usr/bin/apt /usr/bin/apt-get /usr/bin/apt-cache /usr/bin/apt-config
base-files 12.4+deb12u5
base-passwd 3.6.1 /usr/sbin/update-passwd
bash 5.2.15-2+b2 /usr/bin/bash
bsdutils 1:2.38.1-5+b1 util-linux /usr/bin/logger /usr/bin/script
coreutils 9.1-1 /usr/bin/ls /usr/bin/cat /usr/bin/cp /usr/bin/mv /usr/bin/rm /usr/bin/chmod /usr/bin/chown /usr/bin/date /usr/bin/env /usr/bin/id /usr/bin/ln /usr/bin/mkdir /usr/bin/sleep /usr/bin/sort /usr/bin/tail
dash 0.5.12-2 /usr/bin/dash
debconf 1.5.82 /usr/bin/debconf
debian-archive-keyring 2023.3+deb12u1
debianutils 5.7-0.5~deb12u1 /usr/bin/which /usr/bin/run-parts /usr/bin/tempfile
diffutils 1:3.8-4 /usr/bin/diff /usr/bin/cmp
dpkg 1.21.22 /usr/bin/dpkg /usr/bin/dpkg-query /usr/bin/dpkg-deb
e2fsprogs 1.47.0-2 /usr/sbin/e2fsck /usr/sbin/mke2fs
findutils 4.9.0-4 /usr/bin/find /usr/bin/xargs
gcc-12-base 12.2.0-14 gcc-12
gpgv 2.2.40-1.1 gnupg2 /usr/bin/gpgv
grep 3.8-5 /usr/bin/grep
gzip 1.12-1 /usr/bin/gzip
hostname 3.23+nmu1 /usr/bin/hostname
init-system-helpers 1.65.2 /usr/bin/deb-systemd-helper
libacl1 2.3.1-3 acl
libapt-pkg6.0 2.6.1 apt
libattr1 1:2.5.1-4 attr
libaudit-common 1:3.0.9-1 audit
libaudit1 1:3.0.9-1 audit
libblkid1 2.38.1-5+b1 util-linux
libbz2-1.0 1.0.8-5+b1 bzip2
libc-bin 2.36-9+deb12u4 glibc /usr/bin/ldd /usr/bin/getent /usr/bin/locale /usr/sbin/ldconfig
libc6 2.36-9+deb12u4 glibc /usr/lib/x86_64-linux-gnu/libc.so.6
libcap-ng0 0.8.3-1+b3 libcap-ng
libcap2 1:2.66-4
libcom-err2 1.47.0-2 e2fsprogs
libcrypt1 1:4.4.33-2 libxcrypt
libdb5.3 5.3.28+dfsg2-1 db5.3
libdebconfclient0 0.270 cdebconf
libext2fs2 1.47.0-2 e2fsprogs
libffi8 3.4.4-1 libffi
libgcc-s1 12.2.0-14 gcc-12
libgcrypt20 1.10.1-3
libgmp10 2:6.2.1+dfsg1-1.1 gmp
libgnutls30 3.7.9-2+deb12u2 gnutls28
libgpg-error0 1.46-1 libgpg-error
libhogweed6 3.8.1-2 nettle
libidn2-0 2.3.3-1+b1 libidn2
liblz4-1 1.9.4-1 lz4
liblzma5 5.4.1-0.2 xz-utils
libmd0 1.0.4-2 libmd
libmount1 2.38.1-5+b1 util-linux
libnettle8 3.8.1-2 nettle
libp11-kit0 0.24.1-2 p11-kit
libpam-modules 1.5.2-6+deb12u1 pam +g/usr/sbin/unix_chkpwd
libpam-modules-bin 1.5.2-6+deb12u1 pam /usr/sbin/mkhomedir_helper
libpam-runtime 1.5.2-6+deb12u1 pam /usr/sbin/pam-auth-update
libpam0g 1.5.2-6+deb12u1 pam
libpcre2-8-0 10.42-1 pcre2
libseccomp2 2.5.4-1+b3 libseccomp
libselinux1 3.4-1+b6 libselinux
libsemanage-common 3.4-1 libsemanage
libsemanage2 3.4-1+b5 libsemanage
libsepol2 3.4-2.1 libsepol
libsmartcols1 2.38.1-5+b1 util-linux
libss2 1.47.0-2 e2fsprogs
libssl3 3.0.11-1~deb12u2 openssl
libstdc++6 12.2.0-14 gcc-12
libsystemd0 252.22-1~deb12u1 systemd
libtasn1-6 4.19.0-2
libtinfo6 6.4-4 ncurses
libudev1 252.22-1~deb12u1 systemd
libunistring2 1.0-2
libuuid1 2.38.1-5+b1 util-linux
libxxhash0 0.8.1-1 xxhash
libzstd1 1.5.4+dfsg2-5 libzstd
login 1:4.13+dfsg1-1+b1 shadow /usr/bin/login +s/usr/bin/newgrp
logsave 1.47.0-2 e2fsprogs /usr/sbin/logsave
mawk 1.3.4.20200120-3.1 /usr/bin/mawk
mount 2.38.1-5+b1 util-linux +s/usr/bin/mount +s/usr/bin/umount
ncurses-base 6.4-4 ncurses
ncurses-bin 6.4-4 ncurses /usr/bin/clear /usr/bin/tput
passwd 1:4.13+dfsg1-1+b1 shadow +s/usr/bin/chfn +s/usr/bin/chsh +s/usr/bin/gpasswd +s/usr/bin/passwd +g/usr/bin/chage +g/usr/bin/expiry /usr/sbin/useradd
perl-base 5.36.0-7+deb12u1 perl /usr/bin/perl
sed 4.9-1 /usr/bin/sed
sysvinit-utils 3.06-4 sysvinit /usr/sbin/killall5
tar 1.34+dfsg-1.2+deb12u1 /usr/bin/tar
tzdata 2024a-0+deb12u1
usr-is-merged 37~deb12u1 usrmerge
util-linux 2.38.1-5+b1 +s/usr/bin/su /usr/bin/more /usr/sbin/runuser
util-linux-extra 2.38.1-5+b1 util-linux /usr/sbin/hwclock
zlib1g 1:1.2.13.dfsg-1 zlib
`;

export const DEBIAN_EXTRA = `
ca-certificates 20230311 /usr/sbin/update-ca-certificates
openssl 3.0.11-1~deb12u2 /usr/bin/openssl
curl 7.88.1-10+deb12u5 /usr/bin/curl
libcurl4 7.88.1-10+deb12u5 curl
libnghttp2-14 1.52.0-1+deb12u1 nghttp2
libpsl5 0.21.2-1 libpsl
librtmp1 2.4+20151223.gitfa8646d.1-2+b2 rtmpdump
libssh2-1 1.10.0-3+b1 libssh2
libbrotli1 1.0.9-2+b6 brotli
libgssapi-krb5-2 1.20.1-2+deb12u1 krb5
libk5crypto3 1.20.1-2+deb12u1 krb5
libkeyutils1 1.6.3-2 keyutils
libkrb5-3 1.20.1-2+deb12u1 krb5
libkrb5support0 1.20.1-2+deb12u1 krb5
libldap-2.5-0 2.5.13+dfsg-5 openldap
libldap-common 2.5.13+dfsg-5 openldap
libsasl2-2 2.1.28+dfsg-10 cyrus-sasl2
libsasl2-modules-db 2.1.28+dfsg-10 cyrus-sasl2
netbase 6.4
tini 0.19.0-1 /usr/bin/tini
dumb-init 1.2.5-2 /usr/bin/dumb-init
libsqlite3-0 3.40.1-2 sqlite3
libncursesw6 6.4-4 ncurses
libreadline8 8.2-1.3 readline
readline-common 8.2-1.3 readline
libexpat1 2.5.0-1 expat
libpq5 15.6-0+deb12u1 postgresql-15
libjpeg62-turbo 1:2.1.5-2 libjpeg-turbo
libpng16-16 1.6.39-2 libpng1.6
libfreetype6 2.12.1+dfsg-5 freetype
fontconfig-config 2.14.1-4 fontconfig
libfontconfig1 2.14.1-4 fontconfig
fonts-dejavu-core 2.37-6 fonts-dejavu
libxml2 2.9.14+dfsg-1.3~deb12u1
libxslt1.1 1.1.35-1 libxslt
libicu72 72.1-3 icu
libyaml-0-2 0.2.5-1 libyaml
git 1:2.39.2-1.1 /usr/bin/git
git-man 1:2.39.2-1.1 git
less 590-2 /usr/bin/less
libedit2 3.1-20221030-2 libedit
libgdbm6 1.23-3 gdbm
libgdbm-compat4 1.23-3 gdbm
procps 2:4.0.2-3 /usr/bin/ps /usr/bin/top /usr/bin/free /usr/bin/pgrep
libproc2-0 2:4.0.2-3 procps
xz-utils 5.4.1-0.2 /usr/bin/xz
bzip2 1.0.8-5+b1 /usr/bin/bzip2
unzip 6.0-28 /usr/bin/unzip
wget 1.21.3-1+b2 /usr/bin/wget
media-types 10.0.0
libmagic1 1:5.44-3 file
libmagic-mgc 1:5.44-3 file
file 1:5.44-3 /usr/bin/file
libgomp1 12.2.0-14 gcc-12
jq 1.6-2.1 /usr/bin/jq
libjq1 1.6-2.1 jq
libonig5 6.9.8-1 libonig
sqlite3 3.40.1-2 /usr/bin/sqlite3
postgresql-client-15 15.6-0+deb12u1 postgresql-15 /usr/lib/postgresql/15/bin/psql /usr/lib/postgresql/15/bin/pg_dump
postgresql-client-common 248 /usr/bin/pg_wrapper
libmariadb3 1:10.11.6-0+deb12u1 mariadb
mariadb-common 1:10.11.6-0+deb12u1 mariadb
gettext-base 0.21-12 gettext /usr/bin/envsubst
locales 2.36-9+deb12u4 glibc /usr/sbin/locale-gen
libargon2-1 0~20171227-0.3+deb12u1 argon2
libjson-c5 0.16-2 json-c
libkmod2 30+20221128-1 kmod
libapparmor1 3.0.8-3 apparmor
libevent-2.1-7 2.1.12-stable-3 libevent
libbsd0 0.11.7-2 libbsd
libwebp7 1.2.4-0.2+deb12u1 libwebp
libtiff6 4.5.0-6+deb12u1 tiff
liblcms2-2 2.14-2 lcms2
ucf 3.0043+nmu1 /usr/bin/ucf
sensible-utils 0.0.17+nmu1 /usr/bin/sensible-editor
libpopt0 1.19+dfsg-1 popt
libcbor0.8 0.8.0-2+b1 libcbor
libfido2-1 1.12.0-2+b1 libfido2
`;
