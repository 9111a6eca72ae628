import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { FileBlobStore, type ImageConfigJson } from '@dhi/image';
import { catalogImage, type CatalogResult } from '@dhi/sbom';
import { tarEntries, type TarEntry } from '@dhi/testing';
import { type BuildProfile, profileRead, type ProfileReadOptions } from '../../src/index.js';

/** A layer entry (a local name for @dhi/testing's TarEntry). */
export type TarItem = TarEntry;

/** A gzip-compressed layer tar of the given entries, built in memory. */
export async function gzipLayer(items: TarItem[]): Promise<Buffer> {
  return gzipSync(await tarEntries(items));
}

/** A blob store in a fresh temporary directory; `dispose` removes it. */
export function temporaryStore(): { store: FileBlobStore; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dhi-profile-'));
  return { store: new FileBlobStore(join(dir, 'store')), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Puts a blob (bytes or a stream, e.g. a layer tar on disk) into the store through its staging area. */
export async function putBlob(store: FileBlobStore, body: Buffer | Readable): Promise<{ digest: string; size: number }> {
  const staging = await store.stage();
  try {
    const blob = await staging.put(Buffer.isBuffer(body) ? Readable.from([body]) : body);
    await staging.commit([blob.digest]);
    return blob;
  } finally {
    await staging.discard();
  }
}

/** Layers of the given entries, gzipped and stored. */
export async function storeLayers(store: FileBlobStore, layers: TarItem[][]): Promise<{ digest: string; size: number }[]> {
  const stored = [];
  for (const items of layers) stored.push(await putBlob(store, await gzipLayer(items)));
  return stored;
}

/** An image config with the given runtime settings. */
export function imageConfig(config: Record<string, unknown> = {}): ImageConfigJson {
  return { architecture: 'amd64', os: 'linux', config, rootfs: { type: 'layers', diff_ids: [] } };
}

/** The profile of stored layers, from one catalogImage read with the profile riding on it. */
export async function profileOf(
  store: FileBlobStore,
  layers: { digest: string; size: number }[],
  options: { config?: ImageConfigJson; read?: ProfileReadOptions } = {},
): Promise<{ profile: BuildProfile; catalog: CatalogResult }> {
  const read = profileRead(options.read);
  const catalog = await catalogImage(layers, store, { extra: read.extra });
  return { profile: read.profile({ catalog, config: options.config ?? imageConfig(), layers }), catalog };
}

/** The shared read-only test corpora: DHI_CORPORA_DIR, or ../shared/corpora beside the repository. */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
  if (!existsSync(resolve(dir, 'images'))) throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  return dir;
}
