import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, importImageArchive } from '@dhi/image';
import { catalogImage } from '../src/index.js';
import { corporaDir } from './support/corpora.js';
import { debParagraph } from './support/debian.js';
import { imageOf } from './support/layers.js';

const DISTROLESS_OS = 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\n';

describe('distroless status.d', () => {
  it('reads one file per package without Status fields, md5sums as locations, and removals by whiteout', async () => {
    const { layers, source } = await imageOf([
      [
        { name: 'etc/', type: 'directory' },
        { name: 'etc/os-release', data: DISTROLESS_OS },
        { name: 'usr/lib/x86_64-linux-gnu/libssl.so.3', data: 'ELF' },
        { name: 'var/lib/dpkg/status.d/base-files', data: debParagraph({ name: 'base-files', version: '12.4+deb12u5', status: null }) },
        { name: 'var/lib/dpkg/status.d/libssl3', data: debParagraph({ name: 'libssl3', version: '3.0.11-1~deb12u2', source: 'openssl', status: null }) },
        { name: 'var/lib/dpkg/status.d/libssl3.md5sums', data: 'd41d8cd98f00b204e9800998ecf8427e  usr/lib/x86_64-linux-gnu/libssl.so.3\n' },
      ],
      [{ name: 'var/lib/dpkg/status.d/tzdata', data: debParagraph({ name: 'tzdata', version: '2024a-0+deb12u1', arch: 'all', status: null }) }],
      [{ name: 'var/lib/dpkg/status.d/.wh.tzdata' }],
    ]);
    const result = await catalogImage(layers, source);
    expect(result.os?.ecosystem).toBe('Debian:12');
    expect(result.packages.map((p) => [p.name, p.layerIndex, p.foundBy])).toEqual([
      ['base-files', 0, 'dpkg-status-d'],
      ['libssl3', 0, 'dpkg-status-d'],
    ]);
    expect(result.packages[1]).toMatchObject({
      source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
      locations: ['/var/lib/dpkg/status.d/libssl3', '/usr/lib/x86_64-linux-gnu/libssl.so.3'],
      purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
    });
    expect(result.removed.map((p) => [p.name, p.layerIndex, p.removedLayerIndex, p.reason])).toEqual([['tzdata', 1, 2, 'removed']]);
  });
});

const apkRecord = (name: string, version: string): string => `C:Q1abc=\nP:${name}\nV:${version}\nA:x86_64\nL:GPL-2.0-only AND MIT\no:${name}\nF:usr/bin\nR:${name}\n`;

describe('apk history through a symlinked directory', () => {
  it('follows versions of the database that later layers wrote through /lib -> usr/lib', async () => {
    const { layers, source } = await imageOf([
      [
        { name: 'usr/', type: 'directory' },
        { name: 'usr/lib/', type: 'directory' },
        { name: 'lib', type: 'symlink', linkname: 'usr/lib' },
        { name: 'usr/lib/apk/db/installed', data: [apkRecord('musl', '1.2.4-r2'), apkRecord('zlib', '1.2.13-r1')].join('\n') },
      ],
      [{ name: 'lib/apk/db/installed', data: [apkRecord('musl', '1.2.4-r2'), apkRecord('zlib', '1.3.1-r0'), apkRecord('curl', '8.5.0-r0')].join('\n') }],
      [{ name: 'lib/apk/db/installed', data: [apkRecord('musl', '1.2.4-r2'), apkRecord('zlib', '1.3.1-r0')].join('\n') }],
    ]);
    const result = await catalogImage(layers, source);
    expect(result.packages.map((p) => [p.name, p.version, p.layerIndex, p.locations[0], p.licenses])).toEqual([
      ['musl', '1.2.4-r2', 0, '/usr/lib/apk/db/installed', ['GPL-2.0-only AND MIT']],
      ['zlib', '1.3.1-r0', 1, '/usr/lib/apk/db/installed', ['GPL-2.0-only AND MIT']],
    ]);
    expect(result.removed.map((p) => [p.name, p.version, p.layerIndex, p.removedLayerIndex, p.reason])).toEqual([
      ['curl', '8.5.0-r0', 1, 2, 'removed'],
      ['zlib', '1.2.13-r1', 0, 1, 'replaced'],
    ]);
    expect(result.notes).toEqual([]);
  });
});

describe('Alpine corpus images', () => {
  let root: string;
  let store: FileBlobStore;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dhi-sbom-'));
    store = new FileBlobStore(join(root, 'store'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const expected = (name: string): string[] =>
    readFileSync(join(corporaDir(), 'images', `${name}.packages.tsv`), 'utf8').trim().split('\n').slice(1).sort();

  it.each([
    ['alpine-310', 'Alpine:v3.10', '3.10.4'],
    ['alpine-311', 'Alpine:v3.11', '3.11.5'],
  ])('%s: the package set equals the expected list', async (name, ecosystem, versionId) => {
    const archive = readFileSync(join(corporaDir(), 'images', `${name}.tar.gz`));
    const image = await importImageArchive(Readable.from([archive]), store);
    const result = await catalogImage(image.layers, store);
    expect(result.os).toMatchObject({ id: 'alpine', versionId, ecosystem });
    const rows = result.packages.map((p) => `${p.name}\t${p.version}\t${p.source?.name}\t${p.arch}`).sort();
    expect(rows).toEqual(expected(name));
    expect(result.packages.every((p) => p.ecosystem === 'apk' && p.layerIndex === 0 && p.layerDigest === image.layers[0].digest)).toBe(true);
    const musl = result.packages.find((p) => p.name === 'musl');
    expect(musl?.purl).toMatch(new RegExp(`^pkg:apk/alpine/musl@[^?]+\\?arch=x86_64&distro=alpine-${versionId.replace(/\./g, '\\.')}$`));
    expect(musl?.licenses).toEqual(['MIT']);
    expect(musl?.locations[0]).toBe('/lib/apk/db/installed');
    expect(musl?.locations).toContain('/lib/ld-musl-x86_64.so.1');
    expect(result.packages.find((p) => p.name === 'libssl1.1')?.purl).toContain('&upstream=openssl');
    expect(result.notes).toEqual([]);
  });
});
