import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore } from '@dhi/image';
import { catalogImage, type CatalogResult, DEFAULT_STREAM_CATALOGERS, type Package } from '../src/index.js';
import { type BinaryItem, storeLayers } from './support/binary-layers.js';
import { buildGoModule, goVersionM, type GoVersionReport, writeGoModule } from './support/go-toolchain.js';

const GO_MOD = (module: string, extra = ''): string => `module ${module}\n\ngo 1.22\n${extra}`;
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');

let temp: string;
let store: FileBlobStore;
let hello: { bytes: Buffer; report: GoVersionReport };
let withDep: { bytes: Buffer; report: GoVersionReport };

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'dhi-sbom-go-'));
  store = new FileBlobStore(join(temp, 'store'));
  const helloOut = join(temp, 'hello');
  buildGoModule(temp, join(temp, 'src/hello'), {
    'go.mod': GO_MOD('example.test/hello'),
    'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
  }, helloOut);
  writeGoModule(join(temp, 'src/dep'), { 'go.mod': GO_MOD('example.test/dep'), 'dep.go': 'package dep\n\nfunc Hello() string { return "dep" }\n' });
  const appOut = join(temp, 'app');
  buildGoModule(temp, join(temp, 'src/app'), {
    'go.mod': GO_MOD('example.test/app', '\nrequire example.test/dep v1.2.3\n\nreplace example.test/dep => ../dep\n'),
    'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"example.test/dep"\n)\n\nfunc main() { fmt.Println(dep.Hello()) }\n',
  }, appOut);
  hello = { bytes: readFileSync(helloOut), report: goVersionM(helloOut, temp) };
  withDep = { bytes: readFileSync(appOut), report: goVersionM(appOut, temp) };
}, 300_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function catalog(layers: BinaryItem[][]): Promise<CatalogResult & { layers: { digest: string }[] }> {
  const stored = await storeLayers(store, layers);
  return { ...(await catalogImage(stored, store)), layers: stored };
}

const isLocal = (path: string): boolean => path.startsWith('./') || path.startsWith('../') || path.startsWith('/');

/** The packages go version -m implies: main module, each dep as built in (local replacements keep the required version), stdlib. */
function expectedFrom(report: GoVersionReport): [string, string][] {
  const modules: [string, string][] = report.main ? [[report.main.path, report.main.version]] : [];
  for (const dep of report.deps) {
    const local = !dep.replace || isLocal(dep.replace.path);
    modules.push(local ? [dep.path, dep.version] : [dep.replace!.path, dep.replace!.version]);
  }
  modules.push(['stdlib', report.goVersion.replace(/^go/, '')]);
  return modules.sort(([a], [b]) => (a < b ? -1 : 1));
}

const goPackages = (list: Package[]): Package[] => list.filter((p) => p.foundBy === 'go-buildinfo');
const namesVersions = (list: Package[]): [string, string][] => goPackages(list).map((p) => [p.name, p.version]);

describe('Go binaries', () => {
  it('lists the main module and the standard library of a binary without dependencies, as go version -m reports them', async () => {
    expect(hello.report.main).toEqual({ path: 'example.test/hello', version: '(devel)', replace: null });
    const result = await catalog([[{ name: 'usr/local/bin/hello', data: hello.bytes }]]);
    expect(namesVersions(result.packages)).toEqual(expectedFrom(hello.report));
    expect(result.notes).toEqual([]);
    const stdlib = result.packages.find((p) => p.name === 'stdlib');
    expect(`go${stdlib?.version}`).toBe(hello.report.goVersion);
    expect(result.packages[0]).toEqual({
      name: 'example.test/hello',
      version: '(devel)',
      ecosystem: 'golang',
      purl: 'pkg:golang/example.test/hello@(devel)',
      arch: null,
      source: null,
      licenses: [],
      layerIndex: 0,
      layerDigest: result.layers[0].digest,
      locations: ['/usr/local/bin/hello'],
      foundBy: 'go-buildinfo',
    });
    expect(stdlib?.purl).toBe(`pkg:golang/stdlib@${hello.report.goVersion.slice(2)}`);
  });

  it('lists a dependency replaced by a local module with the version go.mod requires, and notes the replacement', async () => {
    expect(withDep.report.deps).toEqual([{ path: 'example.test/dep', version: 'v1.2.3', replace: { path: '../dep', version: expect.any(String) } }]);
    const result = await catalog([[{ name: 'app/server', data: withDep.bytes }]]);
    expect(namesVersions(result.packages)).toEqual(expectedFrom(withDep.report));
    expect(result.packages.find((p) => p.name === 'example.test/dep')?.purl).toBe('pkg:golang/example.test/dep@v1.2.3');
    expect(result.notes).toEqual([
      { code: 'go_local_replacement', message: expect.stringContaining('../dep'), path: '/app/server', layerIndex: 0 },
    ]);
  });

  it('dates a binary from the layer that wrote its final version and moves a deleted binary to removed', async () => {
    const result = await catalog([
      [{ name: 'usr/bin/hello', data: hello.bytes }, { name: 'app/server', data: withDep.bytes }],
      [{ name: 'app/server', data: withDep.bytes }, { name: 'usr/bin/.wh.hello' }],
    ]);
    expect(goPackages(result.packages).map((p) => [p.name, p.layerIndex, p.locations[0]])).toEqual(
      expectedFrom(withDep.report).map(([name]) => [name, 1, '/app/server']),
    );
    expect(goPackages(result.packages).every((p) => p.layerDigest === result.layers[1].digest)).toBe(true);
    expect(result.removed.map((p) => [p.name, p.locations[0], p.layerIndex, p.removedLayerIndex, p.reason])).toEqual(
      expectedFrom(hello.report).map(([name]) => [name, '/usr/bin/hello', 0, 1, 'removed']),
    );
  });

  it('reads a real binary the same in any chunking and stops right after its build info', () => {
    const file = withDep.bytes;
    const entry = { path: '/app', type: 'file' as const, mode: 0o755, uid: 0, gid: 0, size: file.length, linkTarget: null };
    const outputs = [7, 1000, 65_536].map((size) => {
      const inspector = DEFAULT_STREAM_CATALOGERS[0].inspect(entry, '/app');
      let fed = 0;
      while (fed < file.length && inspector?.update(file.subarray(fed, fed + size)) !== 'done') fed += size;
      expect(fed).toBeLessThan(file.indexOf(MAGIC) + 4096);
      return inspector?.finish();
    });
    expect(outputs[0]?.packages.map((p) => [p.name, p.version]).sort()).toEqual(expectedFrom(withDep.report));
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it('reads executables and files in bin directories only', async () => {
    const result = await catalog([
      [
        { name: 'opt/data/hello.bin', data: hello.bytes, mode: 0o644 },
        { name: 'usr/sbin/hello', data: hello.bytes, mode: 0o644 },
      ],
    ]);
    expect(new Set(goPackages(result.packages).map((p) => p.locations[0]))).toEqual(new Set(['/usr/sbin/hello']));
  });

  it('finds nothing in non-Go executables and notes a truncated Go binary', async () => {
    const magicAt = hello.bytes.indexOf(MAGIC);
    expect(magicAt % 16).toBe(0);
    const result = await catalog([
      [
        { name: 'bin/true', data: readFileSync('/bin/true') },
        { name: 'bin/ls', data: readFileSync('/bin/ls') },
        { name: 'usr/local/bin/run.sh', data: `#!/bin/sh\n# ${'padding '.repeat(10_000)}\nexec /app/server "$@"\n` },
        { name: 'usr/local/bin/cut-in-strings', data: hello.bytes.subarray(0, magicAt + 80) },
        { name: 'usr/local/bin/cut-before-magic', data: hello.bytes.subarray(0, magicAt - 1) },
      ],
    ]);
    expect(result.packages).toEqual([]);
    expect(result.notes).toEqual([
      { code: 'metadata_unreadable', message: expect.stringContaining('ends before its build info'), path: '/usr/local/bin/cut-in-strings', layerIndex: 0 },
    ]);
  });
});

/** An ELF-looking file of random bytes with a build info header planted at `at`. */
function planted(at: number, header: Buffer, elf = true): Buffer {
  const bytes = randomBytes(256 * 1024);
  if (elf) Buffer.from('\x7fELF', 'latin1').copy(bytes, 0);
  Buffer.concat([MAGIC, header]).copy(bytes, at);
  return bytes;
}

describe('Go build info in hostile files', () => {
  it('never crashes: planted magics give nothing, a note for a pre-1.18 header, or metadata_unreadable', async () => {
    const tooLong = Buffer.from([8, 2, ...Array(16).fill(0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    const result = await catalog([
      [
        { name: 'bin/not-elf', data: planted(4096, Buffer.from([8, 2, ...Array(16).fill(0), 4, 0x67, 0x6f, 0x31, 0x2e, 0]), false) },
        { name: 'bin/unaligned', data: planted(4100, Buffer.from([8, 2, ...Array(16).fill(0), 4, 0x67, 0x6f, 0x31, 0x2e, 0])) },
        { name: 'bin/bad-ptr-size', data: planted(4096, Buffer.from([3, 2, ...Array(16).fill(0), 4, 0x67, 0x6f, 0x31, 0x2e, 0])) },
        { name: 'bin/pointer-format', data: planted(8192, Buffer.from([8, 0, ...Array(16).fill(0)])) },
        { name: 'bin/huge-length', data: planted(8192, tooLong) },
        { name: 'bin/at-the-end', data: planted(256 * 1024 - 16, Buffer.from([8, 2])) },
      ],
    ]);
    expect(result.packages).toEqual([]);
    expect(result.notes.map((n) => [n.code, n.path])).toEqual([
      ['metadata_unreadable', '/bin/at-the-end'],
      ['metadata_unreadable', '/bin/huge-length'],
      ['go_buildinfo_unsupported', '/bin/pointer-format'],
    ]);
    expect(result.notes[1].message).toContain('longer than');
  });

  it('survives random build info blobs behind a valid header', async () => {
    const items: BinaryItem[] = [];
    for (let i = 0; i < 40; i += 1) {
      const header = Buffer.concat([Buffer.from([8, 2]), Buffer.alloc(16), randomBytes(64 + i * 32)]);
      items.push({ name: `bin/fuzz-${i}`, data: planted(16 * (64 + i * 97), header) });
    }
    const result = await catalog([items]);
    expect(result.notes.every((n) => n.code === 'metadata_unreadable' || n.code === 'go_local_replacement')).toBe(true);
    expect(result.packages.every((p) => p.ecosystem === 'golang' && p.foundBy === 'go-buildinfo')).toBe(true);
  });
});
