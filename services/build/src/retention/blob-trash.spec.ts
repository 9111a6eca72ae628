import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore, sha256Digest } from '@dhi/image';
import { BlobTrash } from './blob-trash.js';

let root: string;
let store: FileBlobStore;
let trash: BlobTrash;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dhi-blob-trash-'));
  store = new FileBlobStore(root);
  mkdirSync(join(root, 'sha256'));
  trash = new BlobTrash(store);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function putBlob(ageMs: number): { digest: string; data: Buffer } {
  const data = randomBytes(256);
  const digest = sha256Digest(data);
  writeFileSync(store.pathOf(digest), data);
  const when = new Date(Date.now() - ageMs);
  utimesSync(store.pathOf(digest), when, when);
  return { digest, data };
}

describe('BlobTrash', () => {
  it('takes a blob out of the store with its size and modification time, and purges it', async () => {
    const { digest } = putBlob(3_600_000);
    const taken = await trash.take(digest);
    expect(taken).toMatchObject({ digest, size: 256 });
    expect(Date.now() - taken!.modifiedAtMs).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(await store.has(digest)).toBe(false);
    await trash.purge(taken!);
    expect(readdirSync(join(root, '.trash'))).toEqual([]);
  });

  it('sees a modification made just before the take (a concurrent import reusing the blob)', async () => {
    const { digest } = putBlob(48 * 3_600_000);
    const now = new Date();
    utimesSync(store.pathOf(digest), now, now);
    const taken = await trash.take(digest);
    expect(taken!.modifiedAtMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives null for a blob that is gone already', async () => {
    expect(await trash.take(`sha256:${'a'.repeat(64)}`)).toBeNull();
  });

  it('restores a blob, keeping a fresh copy an import stored meanwhile', async () => {
    const { digest, data } = putBlob(0);
    const taken = await trash.take(digest);
    writeFileSync(store.pathOf(digest), data);
    await trash.restore(taken!);
    expect(readFileSync(store.pathOf(digest))).toEqual(data);
    expect(readdirSync(join(root, '.trash'))).toEqual([]);
  });

  it('restores what a crashed run left behind and drops foreign files', async () => {
    const { digest, data } = putBlob(0);
    await trash.take(digest);
    writeFileSync(join(root, '.trash', 'not-a-blob'), 'x');
    expect(await trash.restoreLeftovers()).toBe(2);
    expect(readFileSync(store.pathOf(digest))).toEqual(data);
    expect(readdirSync(join(root, '.trash'))).toEqual([]);
  });
});
