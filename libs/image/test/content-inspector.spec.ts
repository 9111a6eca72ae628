import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type ContentInspector, FileBlobStore, type InspectVerdict, readImageFilesystem, walkLayer } from '../src/index.js';
import { gzip, tarOf, type TarItem } from './support/archive-builder.js';

let root: string;
let store: FileBlobStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-image-inspect-'));
  store = new FileBlobStore(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function layers(compress: boolean, ...specs: TarItem[][]): Promise<{ digest: string }[]> {
  const staging = await store.stage();
  const out: { digest: string }[] = [];
  for (const spec of specs) {
    const tar = await tarOf(spec);
    out.push(await staging.put(Readable.from([compress ? gzip(tar) : tar])));
  }
  await staging.commit(out.map((l) => l.digest));
  await staging.discard();
  return out;
}

/** An inspector that keeps every chunk it is given and says `done` once it holds `stopAfter` chunks. */
function recorder(stopAfter = Infinity): ContentInspector<Buffer[]> & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return {
    chunks,
    update: (chunk): InspectVerdict => (chunks.push(chunk) >= stopAfter ? 'done' : 'more'),
    finish: () => chunks,
  };
}

describe('readImageFilesystem inspect', () => {
  const big = randomBytes(1024 * 1024 + 333);

  it.each([['plain', false], ['gzip', true]])('feeds a %s layer file to its inspector chunk by chunk, in order, whole', async (_name, compress) => {
    const image = await layers(compress, [{ name: 'bin/app', data: big, mode: 0o755 }, { name: 'etc/small', data: 'tiny' }]);
    const seen: string[] = [];
    const fs = await readImageFilesystem(image, store, {
      inspect: (entry, path, layerIndex) => {
        seen.push(`${path}@${layerIndex}:${entry.size}`);
        return recorder();
      },
    });
    const chunks = fs.inspections.get('/bin/app')?.get(0) ?? [];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
    expect(Buffer.concat(fs.inspections.get('/etc/small')?.get(0) ?? []).toString()).toBe('tiny');
    expect(seen).toEqual([`/bin/app@0:${big.length}`, '/etc/small@0:4']);
    expect(fs.contents.size).toBe(0);
  });

  it('stops feeding at done, skips the rest, and still reads the next entries and checks the digest', async () => {
    const items: TarItem[] = [{ name: 'big', data: big }, { name: 'after', data: 'still read' }];
    const image = await layers(false, items);
    const inspector = recorder(1);
    const fs = await readImageFilesystem(image, store, {
      wantContent: (path) => path === '/after',
      inspect: (entry) => (entry.path === '/big' ? inspector : undefined),
    });
    expect(inspector.chunks).toHaveLength(1);
    expect(fs.inspections.get('/big')?.get(0)).toBe(inspector.chunks);
    expect(fs.contents.get('/after')?.toString()).toBe('still read');
    expect([...fs.inspections.keys()]).toEqual(['/big']);

    // a byte flipped in the part the inspector skipped is still caught by the digest check
    const plain = await tarOf(items);
    writeFileSync(store.pathOf(image[0].digest), Buffer.from(plain).fill(0x79, 900_000, 900_001));
    await expect(readImageFilesystem(image, store, { inspect: () => recorder(1) })).rejects.toMatchObject({ code: 'digest_mismatch' });
  });

  it('reads a file once for both capture (bounded) and inspection (whole)', async () => {
    const image = await layers(true, [{ name: 'app.jar', data: big }]);
    const whole = recorder();
    const fs = await readImageFilesystem(image, store, { limits: { maxFileReadBytes: 1000 }, wantContent: () => true, inspect: () => whole });
    expect(fs.contents.get('/app.jar')?.equals(big.subarray(0, 1000))).toBe(true);
    expect(Buffer.concat(whole.chunks).equals(big)).toBe(true);

    const early = recorder(1);
    const capped = await readImageFilesystem(image, store, { limits: { maxFileReadBytes: 300_000 }, wantContent: () => true, inspect: () => early });
    expect(early.chunks).toHaveLength(1);
    expect(capped.contents.get('/app.jar')?.equals(big.subarray(0, 300_000))).toBe(true);
  });

  it('keeps the results of files later removed or replaced, per path and layer', async () => {
    const image = await layers(
      true,
      [{ name: 'app/', type: 'directory' }, { name: 'app/secret.env', data: 'TOKEN=abc' }, { name: 'app/config', data: 'v1' }, { name: 'tmp/x/y', data: 'y' }],
      [{ name: 'app/.wh.secret.env' }, { name: 'tmp/.wh..wh..opq' }],
      [{ name: 'app/config', data: 'v2' }],
    );
    const text = (path: string, layer: number): string | undefined => {
      const chunks = fs.inspections.get(path)?.get(layer);
      return chunks && Buffer.concat(chunks).toString();
    };
    const fs = await readImageFilesystem(image, store, { inspect: () => recorder() });
    expect([...fs.files.keys()].sort()).toEqual(['/app', '/app/config']);
    expect(text('/app/secret.env', 0)).toBe('TOKEN=abc');
    expect(text('/tmp/x/y', 0)).toBe('y');
    expect([...(fs.inspections.get('/app/config')?.keys() ?? [])]).toEqual([0, 2]);
    expect([text('/app/config', 0), text('/app/config', 2)]).toEqual(['v1', 'v2']);
  });

  it('inspects regular files only, at the path where they land, and keeps nothing for an undefined result', async () => {
    const image = await layers(
      true,
      [{ name: 'usr/lib/', type: 'directory' }, { name: 'lib', type: 'symlink', linkname: 'usr/lib' }, { name: 'usr/lib/a', data: 'a' }],
      [{ name: 'lib/b', data: 'b' }, { name: 'lib/c', type: 'link', linkname: 'usr/lib/a' }, { name: 'empty', data: '' }, { name: '.wh.nothing' }],
    );
    const asked: string[] = [];
    const fs = await readImageFilesystem(image, store, {
      inspect: (_entry, path, layerIndex) => {
        asked.push(`${path}@${layerIndex}`);
        return path === '/empty' ? { update: () => 'more', finish: () => undefined } : recorder();
      },
    });
    expect(asked).toEqual(['/usr/lib/a@0', '/usr/lib/b@1', '/empty@1']);
    expect([...fs.inspections.keys()]).toEqual(['/usr/lib/a', '/usr/lib/b']);
  });

  it('fails the read when an inspector throws', async () => {
    const image = await layers(true, [{ name: 'f', data: 'x' }]);
    const throwing: ContentInspector<never> = {
      update: () => {
        throw new Error('inspector bug');
      },
      finish: () => undefined,
    };
    await expect(readImageFilesystem(image, store, { inspect: () => throwing })).rejects.toThrow('inspector bug');
  });
});

describe('walkLayer streamContent', () => {
  it('yields an entry once, only while it is handled', async () => {
    const layer = await tarOf([{ name: 'a', data: 'x'.repeat(70_000) }, { name: 'b', data: 'b' }]);
    const late: AsyncIterable<Buffer>[] = [];
    const texts: string[] = [];
    await walkLayer(Readable.from([gzip(layer)]), async (entry, readContent, streamContent) => {
      if (entry.path === '/a') {
        late.push(streamContent());
        expect(() => streamContent()).toThrow('can only be read once');
        await expect(readContent()).rejects.toThrow('can only be read once');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of streamContent()) chunks.push(chunk);
      texts.push(Buffer.concat(chunks).toString());
    });
    expect(texts).toEqual(['b']);
    await expect((async () => {
      for await (const chunk of late[0]) void chunk;
    })()).rejects.toThrow('after its entry was handled');
  });
});
