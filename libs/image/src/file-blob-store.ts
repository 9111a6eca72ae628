import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { type BlobStaging, type BlobStore } from './blob-store.js';
import { createDigestVerifier, digestHex, isSha256Hex } from './digest.js';
import { FileBlobStaging, readVerified } from './file-blob-staging.js';
import { ImageError } from './image-error.js';

/** Blobs as files `<root>/sha256/<hex>`; imports stage under `<root>/.staging/<id>` on the same filesystem. */
export class FileBlobStore implements BlobStore {
  private readonly blobDir: string;
  private readonly stagingRoot: string;

  constructor(readonly rootDir: string) {
    this.blobDir = join(rootDir, 'sha256');
    this.stagingRoot = join(rootDir, '.staging');
  }

  /** The file a digest is stored in (the digest is validated, so it can never point outside the store). */
  pathOf(digest: string): string {
    return join(this.blobDir, digestHex(digest));
  }

  async has(digest: string): Promise<boolean> {
    return (await this.size(digest)) !== null;
  }

  async size(digest: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(digest));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async open(digest: string): Promise<Readable> {
    const size = await this.size(digest);
    if (size === null) throw new ImageError('missing_blob', `blob ${digest} is not in the store`);
    const file = createReadStream(this.pathOf(digest));
    const verifier = createDigestVerifier(digest, size);
    file.on('error', (error) => verifier.destroy(error));
    // A reader that stops early (a client hanging up) destroys the verifier; the file must close with it.
    verifier.once('close', () => file.destroy());
    return file.pipe(verifier);
  }

  async readAll(digest: string, maxBytes: number): Promise<Buffer> {
    const size = await this.size(digest);
    if (size === null) throw new ImageError('missing_blob', `blob ${digest} is not in the store`);
    return readVerified(this.pathOf(digest), digest, maxBytes);
  }

  async stage(): Promise<BlobStaging> {
    const dir = join(this.stagingRoot, randomUUID());
    await mkdir(this.blobDir, { recursive: true });
    await mkdir(dir, { recursive: true });
    return new FileBlobStaging(dir, this.blobDir);
  }

  async delete(digest: string): Promise<void> {
    await rm(this.pathOf(digest), { force: true });
  }

  async *list(): AsyncIterable<string> {
    let names: string[];
    try {
      names = await readdir(this.blobDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names.sort()) if (isSha256Hex(name)) yield `sha256:${name}`;
  }

  /** Removes staging areas older than maxAgeMs, left behind by imports that crashed; returns how many were removed. */
  async removeStaleStaging(maxAgeMs: number): Promise<number> {
    let removed = 0;
    const names = await readdir(this.stagingRoot).catch(() => [] as string[]);
    for (const name of names) {
      const dir = join(this.stagingRoot, name);
      const info = await stat(dir).catch(() => null);
      if (info && Date.now() - info.mtimeMs > maxAgeMs) {
        await rm(dir, { recursive: true, force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
