import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { type ContextLimits } from '../config.js';
import { checkContext } from './check-context.js';
import { extractContext } from './extract-context.js';

type Entry = { name: string; type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo'; content?: string; target?: string; mode?: number };

async function archive(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const entry of entries) {
    const content = entry.type === undefined || entry.type === 'file' ? Buffer.from(entry.content ?? '') : Buffer.alloc(0);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry.name, type: entry.type ?? 'file', linkname: entry.target, mode: entry.mode, size: content.length }, content, (e) => (e ? reject(e) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

const MARK = `dhi-escaped-${process.pid}`;
const LIMITS: ContextLimits = { maxBytes: 1 << 20, maxDecompressedBytes: 1 << 20, maxEntries: 100, maxPathLength: 200, maxCompressionRatio: 100, maxDockerfileBytes: 1024 };

describe('extractContext', () => {
  let parent: string;
  let root: string;

  beforeEach(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'dhi-extract-'));
    root = path.join(parent, 'context');
    await mkdir(root);
  });
  afterEach(() => rm(parent, { recursive: true, force: true }));

  const extract = async (entries: Entry[], limits = LIMITS) => extractContext(Readable.from(await archive(entries)), root, limits);

  it('writes files, directories, links inside the context and lets a later entry replace an earlier one', async () => {
    const summary = await extract([
      { name: './Dockerfile', content: 'FROM scratch\n' },
      { name: 'app/', type: 'directory', mode: 0o750 },
      { name: 'app/run.sh', content: 'v1', mode: 0o4755 },
      { name: 'app/run.sh', content: 'v2', mode: 0o755 },
      { name: 'app/current', type: 'symlink', target: 'run.sh' },
      { name: 'copy', type: 'link', target: 'app/run.sh' },
      { name: 'deep/er/file', content: 'x' },
    ]);
    expect(summary.entries).toBe(7);
    expect(await readFile(path.join(root, 'app/run.sh'), 'utf8')).toBe('v2');
    expect((await stat(path.join(root, 'app/run.sh'))).mode & 0o7777).toBe(0o755);
    expect(await readlink(path.join(root, 'app/current'))).toBe('run.sh');
    expect((await stat(path.join(root, 'copy'))).ino).toBe((await stat(path.join(root, 'app/run.sh'))).ino);
    expect(await readFile(path.join(root, 'deep/er/file'), 'utf8')).toBe('x');
  });

  it.each<[string, Entry[], RegExp]>([
    ['traversal', [{ name: '../escaped', content: 'x' }], /contains "\.\."/],
    ['an absolute name', [{ name: '/escaped', content: 'x' }], /absolute path/],
    ['an absolute symlink and a file through it', [{ name: 'out', type: 'symlink', target: tmpdir() }, { name: `out/${MARK}`, content: 'x' }], /absolute path/],
    ['a symlink climbing out', [{ name: 'a/up', type: 'symlink', target: '../../' }], /outside the build context/],
    ['a file through an inside symlink', [{ name: 'd', type: 'directory' }, { name: 'l', type: 'symlink', target: 'd' }, { name: 'l/escaped', content: 'x' }], /inside the symlink "l"/],
    ['a hard link to a later or missing file', [{ name: 'h', type: 'link', target: 'nothing' }], /not an earlier file/],
    ['a hard link to a symlink', [{ name: 's', type: 'symlink', target: 'x' }, { name: 'h', type: 'link', target: 's' }], /not an earlier file/],
    ['a FIFO', [{ name: 'pipe', type: 'fifo' }], /only files, directories and links/],
    ['a file replacing a directory', [{ name: 'd/', type: 'directory' }, { name: 'd', content: 'x' }], /replaces a directory/],
  ])('refuses %s and writes nothing outside the context', async (_label, entries, message) => {
    await expect(extract(entries)).rejects.toMatchObject({ code: 'unsafe_entry', message: expect.stringMatching(message) });
    expect(existsSync(path.join(parent, 'escaped'))).toBe(false);
    expect(existsSync(path.join(tmpdir(), MARK))).toBe(false);
    expect((await lstat(parent)).isDirectory()).toBe(true);
  });

  it('enforces the entry, path length and size limits', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, content: 'x' }));
    await expect(extract(many, { ...LIMITS, maxEntries: 4 })).rejects.toMatchObject({ code: 'limit_exceeded' });
    await expect(extract([{ name: 'x'.repeat(201), content: '' }])).rejects.toMatchObject({ code: 'limit_exceeded' });
    await expect(extract([{ name: 'big', content: 'x'.repeat(2000) }], { ...LIMITS, maxDecompressedBytes: 1000 })).rejects.toMatchObject({ code: 'limit_exceeded' });
  });

  it('refuses a gzip bomb by ratio before it is written out', async () => {
    const bomb = gzipSync(await archive([{ name: 'zeros', content: '\0'.repeat(4 << 20) }]));
    await expect(extractContext(Readable.from(bomb), root, { ...LIMITS, maxDecompressedBytes: 64 << 20 })).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringMatching(/bomb/) });
  });

  it('tells garbage and truncated archives apart, and keeps the Dockerfile text when checking', async () => {
    await expect(checkContext(Readable.from(Buffer.alloc(1024, 7)), LIMITS, 'Dockerfile')).rejects.toMatchObject({ code: 'not_a_tar' });
    await expect(checkContext(Readable.from(Buffer.alloc(100, 7)), LIMITS, 'Dockerfile')).rejects.toMatchObject({ code: 'not_a_tar' });
    const whole = await archive([{ name: 'Dockerfile', content: 'FROM scratch\n'.repeat(50) }]);
    await expect(checkContext(Readable.from(whole.subarray(0, 700)), LIMITS, 'Dockerfile')).rejects.toMatchObject({ code: 'truncated' });
    await expect(checkContext(Readable.from(gzipSync(whole)), LIMITS, 'Dockerfile')).resolves.toMatchObject({ gzip: true, entries: 1, dockerfile: 'FROM scratch\n'.repeat(50) });
    await expect(checkContext(Readable.from(whole), { ...LIMITS, maxDockerfileBytes: 100 }, 'Dockerfile')).rejects.toMatchObject({ code: 'limit_exceeded' });
  });
});
