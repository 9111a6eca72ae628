// Alpine 3.19 packages as apk lists them: `name version [origin] [executables]`, executables as paths, a `+s` or `+g`
// prefix for the setuid or setgid bit. CORE is what alpine:3.19 and the language images install; EXTRA what images add.

export const ALPINE_CORE = `
alpine-baselayout 3.4.3-r2
alpine-baselayout-data 3.4.3-r2 alpine-baselayout
alpine-keys 2.4-r1
apk-tools 2.14.4-r0 /sbin/apk
busybox 1.36.1-r15 /bin/busybox
busybox-binsh 1.36.1-r15 busybox
ca-certificates-bundle 20240226-r0 ca-certificates
libc-utils 0.7.2-r5 libc-dev
libcrypto3 3.1.5-r0 openssl
libssl3 3.1.5-r0 openssl
musl 1.2.4_git20230717-r4 /lib/ld-musl-x86_64.so.1
musl-utils 1.2.4_git20230717-r4 musl /usr/bin/ldd /usr/bin/getent /usr/bin/iconv
scanelf 1.3.7-r2 pax-utils /usr/bin/scanelf
ssl_client 1.36.1-r15 busybox /usr/bin/ssl_client
zlib 1.3.1-r0
libgcc 13.2.1_git20231014-r0 gcc
libstdc++ 13.2.1_git20231014-r0 gcc
ca-certificates 20240226-r0 /usr/sbin/update-ca-certificates
libffi 3.4.4-r3
libbz2 1.0.8-r6 bzip2
xz-libs 5.4.5-r0 xz
sqlite-libs 3.44.2-r0 sqlite
ncurses-libs 6.4_p20231125-r0 ncurses
ncurses-terminfo-base 6.4_p20231125-r0 ncurses
readline 8.2.1-r2
gdbm 1.23-r1
libuuid 2.39.3-r0 util-linux
tzdata 2024a-r0
libexpat 2.6.2-r0 expat
mpdecimal 2.5.1-r2
libpanelw 6.4_p20231125-r0 ncurses
libintl 0.22.3-r0 gettext
`;

export const ALPINE_EXTRA = `
bash 5.2.21-r0 /bin/bash
curl 8.5.0-r0 /usr/bin/curl
libcurl 8.5.0-r0 curl
nghttp2-libs 1.58.0-r0 nghttp2
brotli-libs 1.1.0-r1 brotli
c-ares 1.24.0-r1
libidn2 2.3.4-r4
libunistring 1.1-r2
libpsl 0.21.5-r0
zstd-libs 1.5.5-r8 zstd
git 2.43.0-r0 /usr/bin/git
pcre2 10.42-r2
openssl 3.1.5-r0 /usr/bin/openssl
tini 0.19.0-r2 /sbin/tini
dumb-init 1.2.5-r3 /usr/bin/dumb-init
su-exec 0.2-r3 /sbin/su-exec
postgresql16-client 16.3-r0 postgresql16 /usr/libexec/postgresql16/psql /usr/libexec/postgresql16/pg_dump
libpq 16.3-r0 postgresql16
libjpeg-turbo 3.0.1-r0
libpng 1.6.40-r0
freetype 2.13.2-r0
fontconfig 2.14.2-r4
libxml2 2.11.7-r0
libxslt 1.1.39-r0
icu-libs 74.1-r0 icu
icu-data-en 74.1-r0 icu
yaml 0.2.5-r2
coreutils 9.4-r2 /bin/coreutils
findutils 4.9.0-r5 /usr/bin/find /usr/bin/xargs
grep 3.11-r0 /bin/grep
sed 4.9-r2 /bin/sed
procps-ng 4.0.4-r0 /bin/ps /usr/bin/top /usr/bin/free
libproc2 4.0.4-r0 procps-ng
shadow 4.14.2-r0 +s/usr/bin/passwd +s/usr/bin/chsh +s/usr/bin/chfn +s/usr/bin/gpasswd +s/usr/bin/newgrp /usr/sbin/useradd
tar 1.35-r2 /bin/tar
gzip 1.13-r0 /bin/gzip
xz 5.4.5-r0 /usr/bin/xz
unzip 6.0-r14 /usr/bin/unzip
jq 1.7.1-r0 /usr/bin/jq
oniguruma 6.9.9-r0
sqlite 3.44.2-r0 /usr/bin/sqlite3
libgomp 13.2.1_git20231014-r0 gcc
openblas 0.3.25-r0
libgfortran 13.2.1_git20231014-r0 gcc
libquadmath 13.2.1_git20231014-r0 gcc
lz4-libs 1.9.4-r5 lz4
libevent 2.1.12-r7
libmagic 5.45-r1 file
file 5.45-r1 /usr/bin/file
less 643-r1 /usr/bin/less
libedit 20230828.3.1-r3
libbsd 0.11.7-r3
libmd 1.1.0-r0
keyutils-libs 1.6.3-r3 keyutils
krb5-libs 1.21.2-r0 krb5
krb5-conf 1.0-r2
libcom_err 1.47.0-r5 e2fsprogs
libverto 0.3.2-r2
e2fsprogs-libs 1.47.0-r5 e2fsprogs
libblkid 2.39.3-r0 util-linux
libmount 2.39.3-r0 util-linux
libsmartcols 2.39.3-r0 util-linux
libeconf 0.5.2-r2
linux-pam 1.5.3-r7
utmps-libs 0.1.2.2-r0 utmps
skalibs 2.14.0.1-r0
libcap2 2.69-r1 libcap
libseccomp 2.5.5-r0
tiff 4.6.0-r0
libwebp 1.3.2-r0
lcms2 2.15-r4
libsasl 2.1.28-r5 cyrus-sasl
libldap 2.6.6-r1 openldap
gmp 6.3.0-r0
nettle 3.9.1-r0
libtasn1 4.19.0-r2
p11-kit 0.25.3-r0
gnutls 3.8.3-r0
libgcrypt 1.10.3-r0
libgpg-error 1.47-r2
libsodium 1.0.19-r0
libuv 1.47.0-r0
`;
