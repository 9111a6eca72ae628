import { type BlobSource } from './blob-store.js';
import { FilesystemBuilder, type ImageFilesystem } from './filesystem-builder.js';
import { resolveLimits, limitExceeded, type ImageLimits } from './limits.js';
import { walkLayer } from './layer-walker.js';

export { type ImageFile, type ImageFilesystem, type PathEvent } from './filesystem-builder.js';

/**
 * Applies every layer in order (whiteouts `.wh.<name>` and opaque dirs `.wh..wh..opq`) and returns the final filesystem
 * plus, for each path, which layer added/changed/removed it. Entries are applied as they stream, so memory holds the
 * filesystem, never a layer. A path under a symlinked directory lands where the symlink leads inside the root.
 */
export async function readImageFilesystem(
  layers: { digest: string }[],
  source: BlobSource,
  options?: { limits?: Partial<ImageLimits>; wantContent?: (path: string) => boolean },
): Promise<ImageFilesystem> {
  const limits = resolveLimits(options?.limits);
  const builder = new FilesystemBuilder();
  const fs = builder.fs;
  for (const [layerIndex, layer] of layers.entries()) {
    builder.startLayer(layerIndex);
    await walkLayer(
      await source.open(layer.digest),
      async (entry, readContent) => {
        fs.entryCount += 1;
        if (fs.entryCount > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, 'the number of entries in the image');
        const path = builder.locate(entry);
        if (path === null) return;
        const want = entry.type === 'file' && options?.wantContent?.(path) === true;
        builder.add(entry, path, want ? await readContent() : undefined);
      },
      { limits },
    );
  }
  return fs;
}
