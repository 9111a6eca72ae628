import { catalogImage } from '../src/index.js';
import { imageOf } from './support/layers.js';
import { rpmdbSqlite, rpmHeader } from './support/rpmdb.js';

const ROCKY_OS = 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nVERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n';

const header = (name: string, version: string, release: string, extra: Record<number, string | string[] | number[]> = {}) =>
  rpmHeader({ 1000: name, 1001: version, 1002: release, 1022: 'x86_64', 1014: 'MIT', 1044: `${name}-${version}-${release}.src.rpm`, ...extra });

describe('rpm databases', () => {
  it('reads the sqlite rpmdb with epochs, source rpms and file lists, and skips signing keys', async () => {
    const db = await rpmdbSqlite([
      header('openssl-libs', '3.0.7', '25.el9_3', {
        1003: [1], 1014: 'Apache-2.0', 1044: 'openssl-3.0.7-25.el9_3.src.rpm',
        1116: [0, 0, 1], 1117: ['libssl.so.3', 'libcrypto.so.3', 'README'], 1118: ['/usr/lib64/', '/usr/share/doc/openssl/'],
      }),
      header('bash', '5.1.8', '6.el9_1', { 1014: 'GPLv3+' }),
      rpmHeader({ 1000: 'gpg-pubkey', 1001: '350d275d', 1002: '6279464b' }),
    ]);
    const { layers, source } = await imageOf([[
      { name: 'etc/', type: 'directory' },
      { name: 'etc/os-release', data: ROCKY_OS },
      { name: 'var/lib/rpm/rpmdb.sqlite', data: db },
    ]]);
    const result = await catalogImage(layers, source);
    expect(result.os).toMatchObject({ id: 'rocky', ecosystem: 'Rocky Linux:9' });
    expect(result.packages.map((p) => [p.name, p.version, p.purl, p.source, p.licenses])).toEqual([
      ['bash', '5.1.8-6.el9_1', 'pkg:rpm/rocky/bash@5.1.8-6.el9_1?arch=x86_64&distro=rocky-9.3', { name: 'bash', version: '5.1.8-6.el9_1' }, ['GPL-3.0-or-later']],
      ['openssl-libs', '1:3.0.7-25.el9_3', 'pkg:rpm/rocky/openssl-libs@3.0.7-25.el9_3?arch=x86_64&distro=rocky-9.3&epoch=1', { name: 'openssl', version: '3.0.7-25.el9_3' }, ['Apache-2.0']],
    ]);
    expect(result.packages[1].locations).toEqual(['/var/lib/rpm/rpmdb.sqlite', '/usr/lib64/libssl.so.3', '/usr/lib64/libcrypto.so.3', '/usr/share/doc/openssl/README']);
    expect(result.notes).toEqual([]);
  });

  it('notes a Berkeley DB or NDB rpmdb as not read, and a corrupt header as unreadable', async () => {
    const corrupt = rpmHeader({ 1000: 'x', 1001: '1', 1002: '1' });
    corrupt.writeUInt32BE(0xffff, 4);
    const { layers, source } = await imageOf([[
      { name: 'var/lib/rpm/Packages', data: Buffer.alloc(4096) },
      { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', data: await rpmdbSqlite([corrupt, header('zlib', '1.2.11', '40.el9')]) },
    ]]);
    const result = await catalogImage(layers, source);
    expect(result.packages.map((p) => p.name)).toEqual(['zlib']);
    expect(result.notes.map((n) => [n.code, n.path, n.layerIndex])).toEqual([
      ['metadata_unreadable', '/usr/lib/sysimage/rpm/rpmdb.sqlite', 0],
      ['rpmdb_not_read', '/var/lib/rpm/Packages', 0],
    ]);
  });
});
