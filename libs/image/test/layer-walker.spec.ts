import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { walkLayer, type LayerEntry } from '../src/index.js';
import { gzip, tarOf, withRawFirstName } from './support/archive-builder.js';

async function walk(layer: Buffer, options?: Parameters<typeof walkLayer>[2], want?: (e: LayerEntry) => boolean) {
  const entries: LayerEntry[] = [];
  const contents = new Map<string, Buffer>();
  const result = await walkLayer(
    Readable.from([layer]),
    async (entry, readContent) => {
      entries.push(entry);
      if (want?.(entry)) contents.set(entry.path, await readContent());
    },
    options,
  );
  return { entries, contents, result };
}

describe('walkLayer', () => {
  it('yields normalised entries of plain and gzip layers alike', async () => {
    const layer = await tarOf([
      { name: './', type: 'directory' },
      { name: './etc/', type: 'directory' },
      { name: './etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n', mode: 0o4755 },
      { name: './bin/sh', type: 'symlink', linkname: '/bin/busybox' },
      { name: './bin/ash', type: 'link', linkname: './bin/busybox' },
    ]);
    for (const input of [layer, gzip(layer)]) {
      const { entries, result } = await walk(input);
      expect(entries.map((e) => [e.path, e.type, e.size, e.linkTarget])).toEqual([
        ['/', 'dir', 0, null],
        ['/etc', 'dir', 0, null],
        ['/etc/passwd', 'file', 26, null],
        ['/bin/sh', 'symlink', 0, '/bin/busybox'],
        ['/bin/ash', 'hardlink', 0, '/bin/busybox'],
      ]);
      expect(entries[2].mode).toBe(0o4755);
      expect(result).toEqual({ entries: 5, bytes: layer.length });
    }
  });

  it('reads content only when asked, bounded by maxFileReadBytes', async () => {
    const layer = await tarOf([
      { name: 'big', data: 'a'.repeat(5000) },
      { name: 'small', data: 'hello' },
      { name: 'skipped', data: 'b'.repeat(3000) },
      { name: 'after', data: 'still read' },
    ]);
    const { contents, entries } = await walk(layer, { limits: { maxFileReadBytes: 1000 } }, (e) => e.path !== '/skipped');
    expect(contents.get('/big')?.length).toBe(1000);
    expect(contents.get('/small')?.toString()).toBe('hello');
    expect(contents.get('/after')?.toString()).toBe('still read');
    expect(entries.map((e) => e.path)).toEqual(['/big', '/small', '/skipped', '/after']);
  });

  it('keeps invalid UTF-8 names as escapes and neutralises NUL from PAX names', async () => {
    const latin = withRawFirstName(await tarOf([{ name: 'xxxxxxxx', data: '1' }]), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect((await walk(latin)).entries[0].path).toBe('/caf\\xe9');
    const nul = await tarOf([{ name: 'safe', data: '1', pax: { path: 'etc/passwd\0.txt' } }]);
    expect((await walk(nul)).entries[0].path).toBe('/etc/passwd\\x00.txt');
  });

  it('enforces entry, path and decompression limits', async () => {
    const many = await tarOf(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}` })));
    await expect(walk(many, { limits: { maxEntries: 5 } })).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining('maxEntries') });
    const long = await tarOf([{ name: 'x'.repeat(300) }]);
    await expect(walk(long, { limits: { maxPathLength: 100 } })).rejects.toMatchObject({ code: 'limit_exceeded' });
    const bomb = gzip(await tarOf([{ name: 'zeros', data: Buffer.alloc(10_000_000) }]));
    await expect(walk(bomb)).rejects.toMatchObject({ code: 'limit_exceeded', message: expect.stringContaining('maxCompressionRatio') });
  });

  it('reports truncation and garbage as clean errors', async () => {
    const layer = await tarOf([{ name: 'f', data: randomBytes(4000) }]);
    await expect(walk(layer.subarray(0, 2000))).rejects.toMatchObject({ code: 'truncated' });
    await expect(walk(gzip(layer).subarray(0, 1000))).rejects.toMatchObject({ code: 'truncated' });
    await expect(walk(randomBytes(2048))).rejects.toMatchObject({ code: 'not_an_image' });
    await expect(walk(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0]))).rejects.toMatchObject({ code: 'truncated' });
    await expect(walk(Buffer.from('BZh91AY&SY'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('propagates an error thrown by the callback and stops', async () => {
    const layer = await tarOf([{ name: 'a' }, { name: 'b' }]);
    const seen: string[] = [];
    await expect(
      walkLayer(Readable.from([layer]), (entry) => {
        seen.push(entry.path);
        throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
    expect(seen).toEqual(['/a']);
  });
});
