import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type AdvisoryRecordResult, detectOsvSource, isAdvisoryError, readOsvSource, readOsvTar, readOsvZip } from '../src/index.js';
import { collect, tarOf, zipOf } from './support/archives.js';

const record = (id: string): string => JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: id.toLowerCase() } }] });
const summary = (results: AdvisoryRecordResult[]): string[] =>
  results.map((r) => (r.ok ? `ok ${r.source} ${r.advisory.id}` : `error ${r.source} ${r.error.code}`));

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dhi-advisories-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('directory trees', () => {
  it('walks in sorted order, reports bad files and symlinks by name, ignores other files', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'b', 'deep', 'B-2.yaml'), 'id: B-2\nmodified: "2024-01-01T00:00:00Z"\n');
    writeFileSync(join(root, 'a', 'A-1.json'), record('A-1'));
    writeFileSync(join(root, 'a', 'broken.json'), '{"id": "X", ');
    writeFileSync(join(root, 'a', 'README.txt'), 'not a record');
    writeFileSync(join(root, 'bundle.json'), JSON.stringify({ vulns: [JSON.parse(record('C-1')), { id: 'C-2' }] }));
    symlinkSync(join(root, 'a', 'A-1.json'), join(root, 'link.json'));
    const results = await collect(readOsvSource(root));
    expect(summary(results)).toEqual([
      'ok a/A-1.json A-1',
      'error a/broken.json invalid_record',
      'ok b/deep/B-2.yaml B-2',
      'ok bundle.json#C-1 C-1',
      'error bundle.json#C-2 invalid_record',
      'error link.json unsupported',
    ]);
    expect(await detectOsvSource(root)).toBe('directory');
  });

  it('enforces the file-count limit and reports oversized files', async () => {
    const root = join(dir, 'limits');
    mkdirSync(root);
    writeFileSync(join(root, 'A-1.json'), record('A-1'));
    writeFileSync(join(root, 'B-1.json'), record('B-1'));
    const error = await rejectionOf(collect(readOsvSource(root, { maxEntries: 1 })));
    expect(isAdvisoryError(error, 'limit_exceeded')).toBe(true);
    expect(error.message).toContain('maxEntries');
    const results = await collect(readOsvSource(root, { maxRecordBytes: 10 }));
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['limit_exceeded', 'limit_exceeded']);
  });
});

describe('zip archives', () => {
  it('streams records entry by entry; bad entries are reported and skipped', async () => {
    const zip = zipOf([
      { name: 'A-1.json', data: record('A-1') },
      { name: 'notes.txt', data: 'ignored' },
      { name: 'bad.json', data: '[1]' },
      { name: 'B-1.json', data: record('B-1') },
      { name: 'liar.json', data: record('L-1'), declaredSize: 20 },
      { name: 'bomb.json', data: Buffer.alloc(4 * 1024 * 1024, 0x20) },
    ]);
    const path = join(dir, 'all.bin');
    writeFileSync(path, zip);
    expect(await detectOsvSource(path)).toBe('zip');
    const results = await collect(readOsvSource(path));
    expect(summary(results).map((line) => line.replace(path, 'zip'))).toEqual([
      'ok zip!A-1.json A-1',
      'error zip!bad.json invalid_record',
      'ok zip!B-1.json B-1',
      'error zip!liar.json unreadable',
      'error zip!bomb.json limit_exceeded',
    ]);
    expect(summary(await collect(readOsvZip(zip))).length).toBe(5);
  });

  it('refuses archives with too many entries and files that are not zips', async () => {
    const zip = zipOf([{ name: 'A-1.json', data: record('A-1') }, { name: 'B-1.json', data: record('B-1') }]);
    expect((await rejectionOf(collect(readOsvZip(zip, { maxEntries: 1 })))).message).toContain('maxEntries');
    const truncated = zip.subarray(0, zip.length - 10);
    expect(isAdvisoryError(await rejectionOf(collect(readOsvZip(truncated))), 'unreadable')).toBe(true);
  });
});

describe('tar archives', () => {
  const items = [
    { name: 'osv/A-1.json', data: record('A-1') },
    { name: 'osv/bad.yaml', data: 'id: [' },
    { name: 'osv/B-1.json', data: record('B-1') },
  ];

  it.each([false, true])('reads tar (gzip: %s) entry by entry', async (gzip) => {
    const path = join(dir, `records-${gzip}.tar`);
    writeFileSync(path, await tarOf(items, gzip));
    expect(await detectOsvSource(path)).toBe('tar');
    expect(summary(await collect(readOsvSource(path))).map((line) => line.replace(/^(\w+) [^!]+!/, '$1 '))).toEqual([
      'ok osv/A-1.json A-1',
      'error osv/bad.yaml invalid_record',
      'ok osv/B-1.json B-1',
    ]);
  });

  it('stops a gzip bomb and reports oversized entries', async () => {
    const bomb = await tarOf([{ name: 'big.json', data: Buffer.alloc(64 * 1024 * 1024, 0x20) }], true);
    const error = await rejectionOf(collect(readOsvTar(Readable.from([bomb]))));
    expect(isAdvisoryError(error, 'limit_exceeded')).toBe(true);
    expect(error.message).toContain('maxCompressionRatio');
    const results = await collect(readOsvTar(Readable.from([await tarOf(items)]), 'x.tar', { maxRecordBytes: 50 }));
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['limit_exceeded', 'invalid_record', 'limit_exceeded']);
  });

  it('refuses data that is not a tar', async () => {
    const error = await rejectionOf(collect(readOsvTar(Readable.from([Buffer.alloc(1024, 0x41)]))));
    expect(isAdvisoryError(error, 'unreadable')).toBe(true);
  });
});
