import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, type ImageFilesystem, readImageFilesystem } from '@dhi/image';
import { tarEntries, type TarEntry } from '@dhi/testing';
import { secretHits, secretInspector, type SecretFileResult, type SecretScanOptions } from '../../src/index.js';

/** One tar entry of a layer; a whiteout is a file named `.wh.<name>`. */
export type TarItem = Pick<TarEntry, 'name' | 'type' | 'data'>;

/** A layer tar of the given entries, in memory. */
export const tarOf = (items: readonly TarItem[]): Promise<Buffer> => tarEntries(items);

/** Images stored as layer blobs in a FileBlobStore under a temporary directory (removed by `close`). */
export class TestImages {
  private readonly root = mkdtempSync(join(tmpdir(), 'dhi-secrets-'));
  readonly store = new FileBlobStore(this.root);

  /** Stores the layers and returns the image's layer list. */
  async image(layers: readonly (readonly TarItem[])[]): Promise<{ digest: string }[]> {
    const staging = await this.store.stage();
    const out: { digest: string }[] = [];
    for (const items of layers) out.push(await staging.put(Readable.from([await tarOf(items)])));
    await staging.commit(out.map((layer) => layer.digest));
    await staging.discard();
    return out.map(({ digest }) => ({ digest }));
  }

  /** Reads the image once with the secret inspector and turns what it found into hits. */
  async scan(
    layers: readonly (readonly TarItem[])[],
    options: SecretScanOptions = {},
  ): Promise<ReturnType<typeof secretHits> & { fs: ImageFilesystem<SecretFileResult>; layers: { digest: string }[] }> {
    const image = await this.image(layers);
    const fs = await readImageFilesystem(image, this.store, { inspect: secretInspector(options) });
    return { ...secretHits({ layers: image, ...fs }, options), fs, layers: image };
  }

  close(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
