import { GoBuildInfoScanner } from './go-buildinfo.js';
import { goBinaryCataloger } from './go-binary.cataloger.js';
import { isDirectoryPath, parseGoModInfo, stdlibVersion } from './go-modinfo.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

const varint = (n: number): Buffer => {
  const bytes: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n & 0x7f) | 0x80);
  return Buffer.from([...bytes, n]);
};
const field = (data: Buffer): Buffer => Buffer.concat([varint(data.length), data]);

/** An ELF-looking file with an inline (Go ≥ 1.18) build info blob at `at`, padded before and after. */
function binary(version: string, modinfo: string, options: { at?: number; framed?: boolean; after?: number } = {}): Buffer {
  const at = options.at ?? 4096;
  const mod = options.framed === false ? Buffer.from(modinfo) : Buffer.concat([START, Buffer.from(modinfo), END]);
  const blob = Buffer.concat([MAGIC, Buffer.from([8, 2]), Buffer.alloc(16), field(Buffer.from(version)), field(mod)]);
  const file = Buffer.alloc(at + blob.length + (options.after ?? 4096), 0x2e);
  Buffer.from('\x7fELF', 'latin1').copy(file);
  blob.copy(file, at);
  return file;
}

function scan(file: Buffer, chunkSize: number): { result: ReturnType<GoBuildInfoScanner['finish']>; fed: number } {
  const scanner = new GoBuildInfoScanner();
  let fed = 0;
  for (let at = 0; at < file.length; at += chunkSize) {
    fed = Math.min(file.length, at + chunkSize);
    if (scanner.update(file.subarray(at, at + chunkSize)) === 'done') break;
  }
  return { result: scanner.finish(), fed };
}

const MODINFO = 'path\texample.test/app\nmod\texample.test/app\t(devel)\t\ndep\texample.test/x\tv1.0.0\th1:abc=\n';

describe('GoBuildInfoScanner', () => {
  it('reads the same blob whatever the chunking, and stops right after the strings', () => {
    const file = binary('go1.22.1', MODINFO, { at: 4096 + 16 * 37, after: 100_000 });
    for (const size of [1, 2, 3, 7, 13, 15, 16, 17, 4096]) {
      const { result, fed } = scan(file, size);
      expect(result).toEqual({ kind: 'inline', goVersion: 'go1.22.1', modinfo: MODINFO });
      expect(fed).toBeLessThan(file.length - 90_000);
    }
    expect(scan(file, file.length).result).toEqual({ kind: 'inline', goVersion: 'go1.22.1', modinfo: MODINFO });
  });

  it('gives up on the first chunk of a file that is not ELF', () => {
    const scanner = new GoBuildInfoScanner();
    expect(scanner.update(Buffer.from('#!/bin/sh\n'))).toBe('done');
    expect(scanner.finish()).toBeNull();
    expect(scan(Buffer.concat([Buffer.from('MZ'), binary('go1.22.1', MODINFO).subarray(2)]), 64).result).toBeNull();
  });

  it('skips magics at unaligned offsets or with an impossible pointer size', () => {
    expect(scan(binary('go1.22.1', MODINFO, { at: 4100 }), 1000).result).toBeNull();
    const badPtr = binary('go1.22.1', MODINFO);
    badPtr[4096 + 14] = 5;
    expect(scan(badPtr, 1000).result).toBeNull();
  });

  it('reports the pre-1.18 pointer format, an empty version, and a module list without sentinels as Go does', () => {
    const pointer = binary('go1.17', MODINFO);
    pointer[4096 + 15] = 0;
    expect(scan(pointer, 512).result).toEqual({ kind: 'pointer' });
    expect(scan(binary('', MODINFO), 512).result).toEqual({ kind: 'malformed', reason: 'its Go version is empty' });
    expect(scan(binary('go1.22.1', MODINFO, { framed: false }), 512).result).toEqual({ kind: 'inline', goVersion: 'go1.22.1', modinfo: '' });
  });

  it('bounds lengths and notices a file that ends inside the blob', () => {
    const file = binary('go1.22.1', MODINFO);
    const varintAt = 4096 + 32;
    Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).copy(file, varintAt);
    expect(scan(file, 100).result).toEqual({ kind: 'malformed', reason: 'the length of its Go version is not a varint' });
    const cut = binary('go1.22.1', MODINFO).subarray(0, 4096 + 60);
    expect(scan(cut, 100).result).toEqual({ kind: 'malformed', reason: 'the file ends before its build info does' });
  });
});

describe('Go module list', () => {
  it('parses path, mod, dep and => lines as runtime/debug does', () => {
    const text = 'path\tex.test/cmd/app\nmod\tex.test\tv1.0.0\t\ndep\tnet.example/x/net\tv0.1.0\n=>\tfork.example/net\tv0.1.1\th1:x=\n\nbuild\t-compiler=gc\n';
    expect(parseGoModInfo(text)).toEqual({
      path: 'ex.test/cmd/app',
      main: { path: 'ex.test', version: 'v1.0.0', replace: null },
      deps: [{ path: 'net.example/x/net', version: 'v0.1.0', replace: { path: 'fork.example/net', version: 'v0.1.1' } }],
    });
    expect(parseGoModInfo('dep\ta\tv1\nnot-terminated\tb')).toEqual({ path: '', main: null, deps: [{ path: 'a', version: 'v1', replace: null }] });
    expect(parseGoModInfo('dep\tonly-a-path\n')).toEqual({ error: 'line 1: expected 2 or 3 columns, got 1' });
    expect(parseGoModInfo('=>\t../x\t\t\n')).toEqual({ error: 'line 1: a replacement with no module on the line before' });
    expect(parseGoModInfo('dep\ta\tv1\n=>\t../x\n')).toEqual({ error: 'line 2: expected 3 columns for a replacement, got 1' });
  });

  it('names the standard library version as the Go vulnerability database does', () => {
    expect(['go1.22.1', 'go1.20', 'go1.21rc2', 'go1.22.1 X:boringcrypto', 'devel go1.23-abc'].map(stdlibVersion)).toEqual([
      '1.22.1',
      '1.20.0',
      '1.21.0-rc.2',
      '1.22.1',
      'devel go1.23-abc',
    ]);
  });

  it('tells directory replacements from module paths', () => {
    expect(['../dep', './dep', '/src/dep', 'C:\\src\\dep', '.', 'fork.example/dep', 'example.test/dep'].map(isDirectoryPath)).toEqual([
      true, true, true, true, true, false, false,
    ]);
  });
});

describe('goBinaryCataloger', () => {
  const entry = (size: number, mode: number) => ({ path: '/x', type: 'file' as const, mode, uid: 0, gid: 0, size, linkTarget: null });

  it('builds in the replacing module when it has a version, and skips small or non-executable files outside bin directories', () => {
    const modinfo = 'path\tex.test/app\nmod\tex.test/app\tv0.3.0\t\ndep\tnet.example/x/net\tv0.1.0\th1:a=\n=>\tfork.example/net\tv0.1.1\th1:b=\n';
    const file = binary('go1.21rc2', modinfo, { after: 70_000 });
    const inspector = goBinaryCataloger.inspect(entry(file.length, 0o755), '/app/server');
    inspector?.update(file);
    const output = inspector?.finish();
    expect(output?.packages.map((p) => p.purl)).toEqual([
      'pkg:golang/ex.test/app@v0.3.0',
      'pkg:golang/fork.example/net@v0.1.1',
      'pkg:golang/stdlib@1.21.0-rc.2',
    ]);
    expect(output?.notes).toEqual([]);
    expect(goBinaryCataloger.inspect(entry(1000, 0o755), '/app/tiny')).toBeUndefined();
    expect(goBinaryCataloger.inspect(entry(file.length, 0o644), '/srv/data.bin')).toBeUndefined();
    expect(goBinaryCataloger.inspect(entry(file.length, 0o644), '/usr/local/bin/tool')).toBeDefined();
  });
});
