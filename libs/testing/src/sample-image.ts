import { type FixtureImageSpec } from './build-image-archive.js';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const DPKG_STATUS = `Package: base-files
Status: install ok installed
Priority: required
Architecture: amd64
Version: 12.4+deb12u5

Package: libc6
Status: install ok installed
Priority: optional
Architecture: amd64
Source: glibc
Version: 2.36-9+deb12u4

Package: libssl3
Status: install ok installed
Priority: optional
Architecture: amd64
Source: openssl
Version: 3.0.11-1~deb12u2
`;

/** A small Debian-like image: /etc/os-release, /etc/passwd, a few files across 3 layers (for pipeline tests). */
export function sampleImageSpec(seed = 'sample'): FixtureImageSpec {
  return {
    layers: [
      [
        { path: '/etc/', type: 'dir' },
        { path: '/usr/', type: 'dir' },
        { path: '/usr/lib/', type: 'dir' },
        { path: '/usr/lib/os-release', content: OS_RELEASE },
        { path: '/etc/os-release', type: 'symlink', linkTarget: '../usr/lib/os-release' },
        { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' },
        { path: '/etc/group', content: 'root:x:0:\nnogroup:x:65534:\n' },
        { path: '/etc/shadow', content: 'root:*:19000:0:99999:7:::\n', mode: 0o640, gid: 42 },
        { path: '/var/lib/dpkg/', type: 'dir' },
        { path: '/var/lib/dpkg/status', content: DPKG_STATUS },
        { path: '/tmp/', type: 'dir', mode: 0o1777 },
      ],
      [
        { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1000:1000::/app:/usr/sbin/nologin\n' },
        { path: '/app/', type: 'dir', uid: 1000, gid: 1000 },
        { path: '/app/server.js', content: `// ${seed}\nrequire('node:http').createServer((q, s) => s.end('ok')).listen(8080);\n`, uid: 1000, gid: 1000 },
      ],
      [{ path: '/app/config.json', content: JSON.stringify({ seed, port: 8080 }), uid: 1000, gid: 1000 }],
    ],
    config: {
      User: '1000',
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Entrypoint: ['node', '/app/server.js'],
      ExposedPorts: { '8080/tcp': {} },
      Labels: { 'org.opencontainers.image.title': `sample-${seed}` },
      WorkingDir: '/app',
    },
  };
}
