import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PackageURL } from 'packageurl-js';
import { FileBlobStore, importImageArchive, type ImportedImage } from '@dhi/image';
import { debianMinbaseRootfs, fileLayerImageArchive, type DebianRootfs } from '@dhi/testing';
import { catalogImage, toSpdx, type CatalogResult, type Package } from '../src/index.js';
import { spdx23Checks } from './support/official-spdx-schema.js';

interface DpkgRow {
  name: string;
  version: string;
  sourceName: string;
  sourceVersion: string;
  arch: string;
}

const FORMAT = '${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${Architecture}\\n';

/** What dpkg itself says is installed in the root filesystem. */
async function dpkgQuery(rootfs: string): Promise<DpkgRow[]> {
  const { stdout } = await promisify(execFile)('dpkg-query', [`--admindir=${join(rootfs, 'var/lib/dpkg')}`, '-W', '-f', FORMAT], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean).map((line) => {
    const [name, version, sourceName, sourceVersion, arch] = line.split('\t');
    return { name, version, sourceName, sourceVersion, arch };
  });
}

/** The paths a package's dpkg file list names, and those of them that are regular files in the rootfs. */
function listedPaths(rootfs: string, pkg: Package): { listed: Set<string>; files: string[] } {
  const info = join(rootfs, 'var/lib/dpkg/info');
  const list = [`${pkg.name}:${pkg.arch}.list`, `${pkg.name}.list`].map((name) => join(info, name)).find((file) => existsSync(file));
  const listed = new Set(list ? readFileSync(list, 'utf8').split('\n').filter((path) => path.startsWith('/') && path !== '/.') : []);
  // lstat: a listed symlink is not followed (absolute ones would lead out of the rootfs); the usrmerge links in the
  // middle of a path (/bin -> usr/bin) are relative and stay inside it
  const files = [...listed].filter((path) => lstatSync(join(rootfs, path), { throwIfNoEntry: false })?.isFile() === true);
  return { listed, files };
}

const key = (name: string, arch: string | null): string => `${name}:${arch}`;
const needsRoot = process.getuid?.() !== 0;
if (needsRoot) process.stderr.write('debootstrap.spec: skipped, debootstrap needs root to build the Debian 12 rootfs (CI runs as root)\n');

(needsRoot ? describe.skip : describe)('SBOM of a debootstrap Debian 12 minbase image', () => {
  let rootfs: DebianRootfs;
  let work: string;
  let image: ImportedImage;
  let result: CatalogResult;
  let dpkg: DpkgRow[];

  beforeAll(async () => {
    const built = await debianMinbaseRootfs();
    if (!built.ok) throw new Error(`${built.code}: ${built.message}`);
    rootfs = built.rootfs;
    work = mkdtempSync(join(tmpdir(), 'dhi-sbom-debootstrap-'));
    const store = new FileBlobStore(join(work, 'store'));
    image = await importImageArchive(fileLayerImageArchive({ path: rootfs.tarball, digest: rootfs.digest, size: rootfs.size }), store);
    result = await catalogImage(image.layers, store);
    dpkg = await dpkgQuery(rootfs.dir);
  }, 20 * 60_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('is one layer: the rootfs tarball', () => {
    expect(image.layers.map((layer) => layer.digest)).toEqual([rootfs.digest]);
    expect(result.notes).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('identifies Debian 12 as os-release says', () => {
    const prettyName = /^PRETTY_NAME="(.*)"$/m.exec(readFileSync(join(rootfs.dir, 'etc/os-release'), 'utf8'))?.[1];
    expect(result.os).toEqual({ id: 'debian', versionId: '12', prettyName, ecosystem: 'Debian:12' });
  });

  it('lists exactly the packages dpkg-query lists: name, version, architecture, source package and version', () => {
    expect(dpkg.length).toBeGreaterThan(50);
    const fromDpkg = dpkg.map((row) => [key(row.name, row.arch), row.version, row.sourceName, row.sourceVersion]).sort();
    const fromSbom = result.packages.map((pkg) => [key(pkg.name, pkg.arch), pkg.version, pkg.source?.name, pkg.source?.version]).sort();
    expect(fromSbom).toEqual(fromDpkg);
    expect(result.packages.every((pkg) => pkg.ecosystem === 'deb' && pkg.foundBy === 'dpkg-status' && pkg.layerIndex === 0)).toBe(true);
    // a binNMU (bash 5.2.15-2+b13 from source 5.2.15-2) is where binary and source versions differ
    expect(dpkg.some((row) => row.version !== row.sourceVersion)).toBe(true);
  });

  it('gives every package a deb purl with distro=debian-12, its arch and, when it differs, its source as upstream', () => {
    const bySource = new Map(dpkg.map((row) => [key(row.name, row.arch), row]));
    for (const pkg of result.packages) {
      const purl = PackageURL.fromString(pkg.purl);
      const row = bySource.get(key(pkg.name, pkg.arch))!;
      expect({ type: purl.type, namespace: purl.namespace, name: purl.name, version: purl.version }).toEqual({ type: 'deb', namespace: 'debian', name: row.name, version: row.version });
      expect(purl.qualifiers).toMatchObject({ arch: row.arch, distro: 'debian-12' });
      const upstream = purl.qualifiers?.upstream;
      if (row.sourceName === row.name && row.sourceVersion === row.version) expect(upstream).toBeUndefined();
      else expect(upstream?.split('@')[0]).toBe(row.sourceName);
    }
  });

  it('reads licenses from the machine-readable copyright file of each package that has one, most of them', () => {
    const machineReadable = result.packages.filter((pkg) => {
      const copyright = join(rootfs.dir, 'usr/share/doc', pkg.name, 'copyright');
      return existsSync(copyright) && /^Format: /.test(readFileSync(copyright, 'utf8')) && /^License:/m.test(readFileSync(copyright, 'utf8'));
    });
    expect(machineReadable.length / result.packages.length).toBeGreaterThan(0.75);
    expect(machineReadable.filter((pkg) => pkg.licenses.length === 0).map((pkg) => pkg.name)).toEqual([]);
    expect(result.packages.find((pkg) => pkg.name === 'bash')?.licenses).toEqual(expect.arrayContaining(['GPL-3.0-or-later', 'GPL-2.0-or-later']));
  });

  it('locates each package at the dpkg status and at the files of its dpkg file list', () => {
    let files = 0;
    for (const pkg of result.packages) {
      const { listed, files: regular } = listedPaths(rootfs.dir, pkg);
      expect(pkg.locations[0]).toBe('/var/lib/dpkg/status');
      expect(pkg.locations.slice(1)).toEqual(expect.arrayContaining(regular));
      expect(pkg.locations.slice(1).filter((path) => !listed.has(path))).toEqual([]);
      files += regular.length;
    }
    expect(files).toBeGreaterThan(1000);
  });

  it('exports SPDX 2.3 that the official schema and the value formats accept', async () => {
    const checks = await spdx23Checks();
    const doc = toSpdx(result, { name: 'registry.example/debian', tag: '12-minbase', digest: image.manifestDigest }) as { packages: unknown[] };
    expect(checks.official(doc)).toEqual([]);
    expect(checks.valueFormats(doc)).toEqual([]);
    expect(doc.packages).toHaveLength(result.packages.length + 2);
  }, 10 * 60_000);
});
