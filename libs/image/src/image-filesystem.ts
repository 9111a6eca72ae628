import { type BlobSource } from './blob-store.js';
import { type InspectEntry, inspectContent } from './content-inspector.js';
import { FilesystemBuilder, type ImageFilesystem } from './filesystem-builder.js';
import { resolveLimits, limitExceeded, type ImageLimits } from './limits.js';
import { walkLayer } from './layer-walker.js';

export { type ImageFile, type ImageFilesystem, type PathEvent } from './filesystem-builder.js';

export interface ReadFilesystemOptions<R> {
  limits?: Partial<ImageLimits>;
  /** Final-filesystem paths whose content is captured into `contents`, each up to maxFileReadBytes. */
  wantContent?: (path: string) => boolean;
  /**
   * Regular files whose bytes are streamed through an inspector, in every layer (files later removed included); results
   * land in `inspections`. A file may be both captured and inspected: it is read once and fed to both.
   */
  inspect?: InspectEntry<R>;
}

/**
 * Applies every layer in order (whiteouts `.wh.<name>` and opaque dirs `.wh..wh..opq`) and returns the final filesystem
 * plus, for each path, which layer added/changed/removed it. Entries are applied as they stream, so memory holds the
 * filesystem, never a layer. A path under a symlinked directory lands where the symlink leads inside the root.
 */
export async function readImageFilesystem<R = unknown>(
  layers: { digest: string }[],
  source: BlobSource,
  options?: ReadFilesystemOptions<R>,
): Promise<ImageFilesystem<R>> {
  const limits = resolveLimits(options?.limits);
  const builder = new FilesystemBuilder<R>();
  const fs = builder.fs;
  for (const [layerIndex, layer] of layers.entries()) {
    builder.startLayer(layerIndex);
    await walkLayer(
      await source.open(layer.digest),
      async (entry, readContent, streamContent) => {
        fs.entryCount += 1;
        if (fs.entryCount > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, 'the number of entries in the image');
        const path = builder.locate(entry);
        if (path === null) return;
        if (entry.type !== 'file') return builder.add(entry, path, undefined);
        const want = options?.wantContent?.(path) === true;
        const inspector = options?.inspect?.(entry, path, layerIndex);
        if (!inspector) return builder.add(entry, path, want ? await readContent() : undefined);
        const { content, result } = await inspectContent(streamContent(), inspector, want ? limits.maxFileReadBytes : null);
        builder.add(entry, path, content);
        if (result !== undefined) builder.keepInspection(path, result);
      },
      { limits },
    );
  }
  return fs;
}
