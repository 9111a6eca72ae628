import { readImageFilesystem } from '@dhi/image';
import { catalogFilesystem, catalogImage, DEFAULT_CATALOGERS, type Package } from '../src/index.js';
import { DEBIAN_12_OS_RELEASE, DEP5_COPYRIGHT, debParagraph, statusFile } from './support/debian.js';
import { imageOf } from './support/layers.js';

const base = [
  debParagraph({ name: 'base-files', version: '12.4+deb12u5' }),
  debParagraph({ name: 'libc6', version: '2.36-9+deb12u4', source: 'glibc', multiArch: 'same' }),
  debParagraph({ name: 'libssl3', version: '3.0.11-1~deb12u1', source: 'openssl' }),
  debParagraph({ name: 'tzdata', version: '2024a-0+deb12u1', arch: 'all' }),
  debParagraph({ name: 'old-tool', version: '1.0-1', status: 'deinstall ok config-files' }),
  debParagraph({ name: 'half-done', version: '1.0-1', status: 'install reinstreq half-installed' }),
];
const withCurl = [
  base[0], base[1],
  debParagraph({ name: 'libssl3', version: '3.0.11-1~deb12u2', source: 'openssl' }),
  base[3],
  debParagraph({ name: 'curl', version: '7.88.1-10+deb12u5' }),
  debParagraph({ name: 'libcurl4', version: '7.88.1-10+deb12u5', source: 'curl' }),
  debParagraph({ name: 'libgcc-s1', version: '12.2.0-14', source: 'gcc-12 (12.2.0-14+b1)', status: 'hold ok installed' }),
];
const withoutTzdata = withCurl.filter((p) => !p.startsWith('Package: tzdata'));

async function debianImage() {
  return imageOf([
    [
      { name: 'etc/', type: 'directory' },
      { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
      { name: 'usr/lib/os-release', data: DEBIAN_12_OS_RELEASE },
      { name: 'usr/lib/x86_64-linux-gnu/libc.so.6', data: 'ELF' },
      { name: 'usr/share/zoneinfo/UTC', data: 'TZif' },
      { name: 'usr/share/doc/libssl3/copyright', data: DEP5_COPYRIGHT },
      { name: 'var/lib/dpkg/status', data: statusFile(base) },
      { name: 'var/lib/dpkg/info/libc6:amd64.list', data: '/.\n/usr\n/usr/lib\n/usr/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu/libc.so.6\n' },
      { name: 'var/lib/dpkg/info/tzdata.list', data: '/.\n/usr/share/zoneinfo\n/usr/share/zoneinfo/UTC\n' },
    ],
    [
      { name: 'usr/bin/curl', data: 'ELF' },
      { name: 'var/lib/dpkg/status', data: statusFile(withCurl) },
      { name: 'var/lib/dpkg/info/curl.list', data: '/.\n/usr/bin\n/usr/bin/curl\n' },
    ],
    [
      { name: 'usr/share/.wh.zoneinfo' },
      { name: 'var/lib/dpkg/info/.wh.tzdata.list' },
      { name: 'var/lib/dpkg/status', data: statusFile(withoutTzdata) },
    ],
    [{ name: 'app/server.js', data: 'console.log(1)' }],
  ]);
}

const byName = (packages: Package[], name: string): Package | undefined => packages.find((p) => p.name === name);

describe('dpkg status across layers', () => {
  it('lists the installed packages of the final image with the layer that introduced each version', async () => {
    const { layers, source } = await debianImage();
    const result = await catalogImage(layers, source);
    expect(result.os).toEqual({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', ecosystem: 'Debian:12' });
    expect(result.packages.map((p) => `${p.name}@${p.version}#${p.layerIndex}`)).toEqual([
      'base-files@12.4+deb12u5#0', 'curl@7.88.1-10+deb12u5#1', 'libc6@2.36-9+deb12u4#0', 'libcurl4@7.88.1-10+deb12u5#1',
      'libgcc-s1@12.2.0-14#1', 'libssl3@3.0.11-1~deb12u2#1',
    ]);
    expect(result.packages.every((p) => p.layerDigest === layers[p.layerIndex].digest)).toBe(true);
    expect(result.notes).toEqual([]);
  });

  it('gives source packages, purls with distro and upstream, licenses and file locations', async () => {
    const { layers, source } = await debianImage();
    const { packages } = await catalogImage(layers, source);
    expect(byName(packages, 'libssl3')).toMatchObject({
      ecosystem: 'deb',
      arch: 'amd64',
      source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
      purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
      licenses: ['Apache-2.0', 'GPL-2.0-or-later'],
      foundBy: 'dpkg-status',
    });
    expect(byName(packages, 'libgcc-s1')?.source).toEqual({ name: 'gcc-12', version: '12.2.0-14+b1' });
    expect(byName(packages, 'libgcc-s1')?.purl).toBe('pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12%4012.2.0-14%2Bb1');
    expect(byName(packages, 'curl')).toMatchObject({ source: { name: 'curl', version: '7.88.1-10+deb12u5' }, purl: 'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12' });
    expect(byName(packages, 'libc6')?.locations).toEqual(['/var/lib/dpkg/status', '/usr/lib/x86_64-linux-gnu/libc.so.6']);
    expect(byName(packages, 'curl')?.locations).toEqual(['/var/lib/dpkg/status', '/usr/bin/curl']);
  });

  it('keeps the history of removed and replaced packages', async () => {
    const { layers, source } = await debianImage();
    const { removed } = await catalogImage(layers, source);
    expect(removed.map((p) => ({ name: p.name, version: p.version, layerIndex: p.layerIndex, removedLayerIndex: p.removedLayerIndex, reason: p.reason }))).toEqual([
      { name: 'libssl3', version: '3.0.11-1~deb12u1', layerIndex: 0, removedLayerIndex: 1, reason: 'replaced' },
      { name: 'tzdata', version: '2024a-0+deb12u1', layerIndex: 0, removedLayerIndex: 2, reason: 'removed' },
    ]);
    expect(removed[1].removedLayerDigest).toBe(layers[2].digest);
  });

  it('re-reads only the layers whose metadata a later layer replaced', async () => {
    const { layers, source } = await debianImage();
    await catalogImage(layers, source);
    expect(source.opened).toEqual([...layers.map((l) => l.digest), layers[0].digest, layers[1].digest]);
  });

  it('dates every package from the last write of its file when asked for no history, without notes', async () => {
    const { layers, source } = await debianImage();
    const fs = await readImageFilesystem(layers, source, { wantContent: (path) => path === '/var/lib/dpkg/status' });
    const result = await catalogFilesystem({ layers, fs, catalogers: DEFAULT_CATALOGERS });
    expect(new Set(result.packages.map((p) => p.layerIndex))).toEqual(new Set([2]));
    expect(result.removed).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
