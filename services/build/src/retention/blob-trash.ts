import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileBlobStore, isDigest } from '@dhi/image';

/** A blob moved out of the store, its file still whole: it can be put back or deleted. */
export interface TrashedBlob {
  digest: string;
  path: string;
  size: number;
  modifiedAtMs: number;
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * `<store>/.trash`: retention renames a blob here (atomic, same filesystem) before it checks the references one last
 * time, so nothing can start using the blob between that check and the delete; a blob that turns out to be needed
 * goes back under its digest.
 */
export class BlobTrash {
  private readonly dir: string;

  constructor(private readonly store: FileBlobStore) {
    this.dir = join(store.rootDir, '.trash');
  }

  /** Moves a stored blob into the trash; null when it is gone already. */
  async take(digest: string): Promise<TrashedBlob | null> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${digest.slice('sha256:'.length)}.${randomUUID()}`);
    try {
      await rename(this.store.pathOf(digest), path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // rename keeps the inode, so a concurrent import that touched the blob just before is still visible here
    const info = await stat(path);
    return { digest, path, size: info.size, modifiedAtMs: info.mtimeMs };
  }

  /** Puts a blob back under its digest; if an import stored a fresh copy meanwhile, that copy stays. */
  async restore(blob: Pick<TrashedBlob, 'digest' | 'path'>): Promise<void> {
    try {
      await link(blob.path, this.store.pathOf(blob.digest));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await unlink(blob.path);
  }

  async purge(blob: TrashedBlob): Promise<void> {
    await rm(blob.path, { force: true });
  }

  /** Restores what a crashed run left in the trash, so the current run decides about those blobs again. */
  async restoreLeftovers(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    for (const name of names) {
      const digest = `sha256:${name.split('.')[0]}`;
      if (isDigest(digest)) await this.restore({ digest, path: join(this.dir, name) });
      else await rm(join(this.dir, name), { recursive: true, force: true });
    }
    return names.length;
  }
}
