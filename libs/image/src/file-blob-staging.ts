import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, open, rename, rm, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { type BlobStaging } from './blob-store.js';
import { CountingHash, createDigestVerifier, digestHex } from './digest.js';
import { ImageError } from './image-error.js';

/** Reads a whole file, failing with `limit_exceeded` past maxBytes and `digest_mismatch` if it does not hash to digest. */
export async function readVerified(path: string, digest: string, maxBytes: number): Promise<Buffer> {
  const size = (await stat(path)).size;
  if (size > maxBytes) throw new ImageError('limit_exceeded', `blob ${digest} has ${size} bytes, more than the ${maxBytes} allowed here`);
  const chunks: Buffer[] = [];
  const file = createReadStream(path);
  const verifier = createDigestVerifier(digest, size);
  file.on('error', (error) => verifier.destroy(error));
  for await (const chunk of file.pipe(verifier) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function writeFully(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** One import's staging directory: `<dir>/<hex>` are complete, hashed blobs; `<dir>/tmp-*` are being written. */
export class FileBlobStaging implements BlobStaging {
  private discarded = false;

  constructor(
    private readonly dir: string,
    private readonly blobDir: string,
  ) {}

  async put(stream: Readable | AsyncIterable<Buffer>, options?: { maxBytes?: number }): Promise<{ digest: string; size: number }> {
    this.assertOpen();
    const maxBytes = options?.maxBytes ?? Number.MAX_SAFE_INTEGER;
    const temp = join(this.dir, `tmp-${randomUUID()}`);
    const handle = await open(temp, 'wx', 0o600);
    const hash = new CountingHash();
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (hash.bytes > maxBytes) throw new ImageError('limit_exceeded', `a blob exceeds the maximum size of ${maxBytes} bytes`);
        await writeFully(handle, chunk);
      }
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    const digest = hash.digest();
    // the same content staged twice is one blob
    await rename(temp, join(this.dir, digestHex(digest)));
    return { digest, size: hash.bytes };
  }

  async read(digest: string, maxBytes: number): Promise<Buffer> {
    this.assertOpen();
    try {
      return await readVerified(join(this.dir, digestHex(digest)), digest, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImageError('missing_blob', `blob ${digest} was not staged`);
      throw error;
    }
  }

  async commit(digests: string[]): Promise<void> {
    this.assertOpen();
    for (const digest of digests) {
      const hex = digestHex(digest);
      const staged = join(this.dir, hex);
      const stagedInfo = await stat(staged).catch(() => null);
      if (!stagedInfo) {
        // committed earlier in this list, or never staged
        if (await stat(join(this.blobDir, hex)).catch(() => null)) continue;
        throw new ImageError('missing_blob', `blob ${digest} was not staged`);
      }
      // only blobs that become visible are worth an fsync; the rest of the staging area is thrown away
      await syncFile(staged);
      await this.publish(staged, join(this.blobDir, hex), stagedInfo.size);
    }
    await syncFile(this.blobDir);
  }

  async discard(): Promise<void> {
    this.discarded = true;
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * link() never replaces an existing file, so a blob that another import stored first is kept (dedup). A kept copy
   * gets a fresh mtime: blob retention never deletes a blob younger than its grace period, so an import that reuses
   * an old unreferenced blob cannot lose it to a retention run before its build row is written.
   */
  private async publish(staged: string, target: string, size: number): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await link(staged, target);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') {
          await rename(staged, target);
          return;
        }
        const existing = await stat(target).catch(() => null);
        // a stored copy of the wrong size is damaged: the verified staged copy replaces it atomically
        if (existing && existing.size !== size) {
          await rename(staged, target);
          return;
        }
        const now = new Date();
        const touched = await utimes(target, now, now).then(
          () => true,
          () => false,
        );
        // gone between link() and utimes(): retention just moved it away, so link the staged copy again
        if (touched) break;
      }
    }
    if ((await stat(target).catch(() => null)) === null) await rename(staged, target);
    else await unlink(staged).catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.discarded) throw new Error('this blob staging area was discarded');
  }
}
