import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sha256Digest } from './digest.js';
import { FileBlobStore } from './file-blob-store.js';

let root: string;
let store: FileBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-blob-store-'));
  store = new FileBlobStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const streamOf = (data: Buffer): Readable => Readable.from([data.subarray(0, 7), data.subarray(7)]);

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FileBlobStore', () => {
  it('stages, commits and reads back a verified blob', async () => {
    const data = randomBytes(10_000);
    const staging = await store.stage();
    const put = await staging.put(streamOf(data));
    expect(put).toEqual({ digest: sha256Digest(data), size: data.length });
    expect(await store.has(put.digest)).toBe(false);
    expect(await staging.read(put.digest, 1 << 20)).toEqual(data);
    await staging.commit([put.digest]);
    await staging.discard();
    expect(await store.has(put.digest)).toBe(true);
    expect(await store.size(put.digest)).toBe(data.length);
    expect(await drain(await store.open(put.digest))).toEqual(data);
    expect(await store.readAll(put.digest, data.length)).toEqual(data);
    await expect(store.readAll(put.digest, 100)).rejects.toMatchObject({ code: 'limit_exceeded' });
    expect(readdirSync(join(root, '.staging'))).toEqual([]);
  });

  it('discard removes everything that was not committed', async () => {
    const staging = await store.stage();
    const kept = await staging.put(streamOf(Buffer.from('kept')));
    const dropped = await staging.put(streamOf(Buffer.from('dropped')));
    await staging.commit([kept.digest]);
    await staging.discard();
    expect(await store.has(kept.digest)).toBe(true);
    expect(await store.has(dropped.digest)).toBe(false);
    const listed: string[] = [];
    for await (const digest of store.list()) listed.push(digest);
    expect(listed).toEqual([kept.digest]);
  });

  it('put enforces maxBytes and leaves no temp file', async () => {
    const staging = await store.stage();
    await expect(staging.put(streamOf(randomBytes(2000)), { maxBytes: 1000 })).rejects.toMatchObject({ code: 'limit_exceeded' });
    await staging.discard();
    expect(readdirSync(join(root, '.staging'))).toEqual([]);
  });

  it('concurrent commits of the same blob store it once and both succeed', async () => {
    const data = randomBytes(50_000);
    const stagings = await Promise.all(Array.from({ length: 8 }, () => store.stage()));
    const puts = await Promise.all(stagings.map((s) => s.put(streamOf(data))));
    await Promise.all(stagings.map((s, i) => s.commit([puts[i].digest])));
    await Promise.all(stagings.map((s) => s.discard()));
    expect(readdirSync(join(root, 'sha256'))).toEqual([puts[0].digest.slice(7)]);
    expect(await store.readAll(puts[0].digest, data.length)).toEqual(data);
  });

  it('open detects a blob corrupted on disk', async () => {
    const data = Buffer.from('the original bytes');
    const staging = await store.stage();
    const { digest } = await staging.put(streamOf(data));
    await staging.commit([digest]);
    await staging.discard();
    writeFileSync(store.pathOf(digest), Buffer.from('the 0riginal bytes'));
    await expect(drain(await store.open(digest))).rejects.toMatchObject({ code: 'digest_mismatch' });
    await expect(store.readAll(digest, 1000)).rejects.toMatchObject({ code: 'digest_mismatch' });
  });

  it('recommitting repairs a stored blob of the wrong size', async () => {
    const data = Buffer.from('0123456789');
    const first = await store.stage();
    const { digest } = await first.put(streamOf(data));
    await first.commit([digest]);
    writeFileSync(store.pathOf(digest), 'short');
    const second = await store.stage();
    await second.put(streamOf(data));
    await second.commit([digest]);
    expect(await store.readAll(digest, 100)).toEqual(data);
  });

  it('refuses digests that are malformed, unknown or never staged', async () => {
    expect(() => store.pathOf('sha256:../../etc/passwd')).toThrow(expect.objectContaining({ code: 'invalid_manifest' }));
    const unknown = sha256Digest('nothing');
    await expect(store.open(unknown)).rejects.toMatchObject({ code: 'missing_blob' });
    expect(await store.size(unknown)).toBeNull();
    const staging = await store.stage();
    await expect(staging.commit([unknown])).rejects.toMatchObject({ code: 'missing_blob' });
    await staging.discard();
  });

  it('delete removes a blob and removeStaleStaging clears abandoned imports', async () => {
    const staging = await store.stage();
    const { digest } = await staging.put(streamOf(Buffer.from('x')));
    await staging.commit([digest]);
    await store.delete(digest);
    expect(await store.has(digest)).toBe(false);
    expect(await store.removeStaleStaging(0)).toBe(1);
  });
});

describe('FileBlobStore and blob retention', () => {
  it('refreshes the mtime of a blob an import reuses, so a retention run treats it as young', async () => {
    const data = randomBytes(2_000);
    const first = await store.stage();
    const { digest } = await first.put(streamOf(data));
    await first.commit([digest]);
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    utimesSync(store.pathOf(digest), old, old);

    const again = await store.stage();
    await again.put(streamOf(data));
    await again.commit([digest]);
    expect(Date.now() - statSync(store.pathOf(digest)).mtimeMs).toBeLessThan(60_000);
  });

  it('closes the file when a reader stops early', async () => {
    const data = randomBytes(4 * 1024 * 1024);
    const staging = await store.stage();
    const { digest } = await staging.put(streamOf(data));
    await staging.commit([digest]);
    const openFiles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === store.pathOf(digest);
      } catch {
        return false;
      }
    }).length;
    const stream = await store.open(digest);
    await new Promise((resolve) => stream.once('readable', resolve));
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBe(0);
  });
});
