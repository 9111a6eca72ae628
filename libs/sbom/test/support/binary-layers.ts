import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { type FileBlobStore } from '@dhi/image';
import { tarOf } from './layers.js';

export interface BinaryItem {
  name: string;
  data?: Buffer | string;
  /** Permission bits (default 0o755: these layers carry executables). */
  mode?: number;
  type?: 'file' | 'directory';
}

/**
 * Gzip'd layers with file modes, stored in a FileBlobStore (so reads verify digests), the way an imported image's
 * layers are (a local twin of @dhi/testing's layerTar, which the module boundaries keep libs/sbom from using).
 */
export async function storeLayers(store: FileBlobStore, layers: BinaryItem[][]): Promise<{ digest: string }[]> {
  const staging = await store.stage();
  const out: { digest: string }[] = [];
  for (const items of layers) {
    const tar = await tarOf(items.map((item) => ({ ...item, mode: item.mode ?? 0o755 })));
    out.push(await staging.put(Readable.from([gzipSync(tar)])));
  }
  await staging.commit(out.map((layer) => layer.digest));
  await staging.discard();
  return out;
}
