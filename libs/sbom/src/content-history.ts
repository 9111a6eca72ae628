import { type BlobSource, type ImageFilesystem, type ImageLimits, resolveImagePath, walkLayer } from '@dhi/image';

/** Earlier contents of metadata files, by path then layer index: what the final filesystem no longer holds. */
export type ContentHistory = Map<string, Map<number, Buffer>>;

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Per layer, the metadata paths whose version written by that layer was later replaced or removed. */
export function versionsToRead(fs: ImageFilesystem, isMetadata: (path: string) => boolean): Map<number, Set<string>> {
  const wanted = new Map<number, Set<string>>();
  for (const [path, events] of fs.history) {
    if (!isMetadata(path)) continue;
    const final = fs.files.get(path);
    for (const event of events) {
      if (event.type !== 'file') continue;
      if (final?.type === 'file' && final.layerIndex === event.layerIndex) continue;
      const paths = wanted.get(event.layerIndex) ?? new Set<string>();
      paths.add(path);
      wanted.set(event.layerIndex, paths);
    }
  }
  return wanted;
}

/**
 * Re-reads only the layers that wrote a since-replaced metadata file and captures those versions (each bounded by
 * maxFileReadBytes). readImageFilesystem keeps final contents only; this second pass is what history costs.
 */
export async function readContentHistory(
  layers: { digest: string }[],
  source: BlobSource,
  fs: ImageFilesystem,
  wanted: Map<number, Set<string>>,
  limits: Partial<ImageLimits>,
): Promise<ContentHistory> {
  const history: ContentHistory = new Map();
  for (const [layerIndex, paths] of [...wanted].sort(([a], [b]) => a - b)) {
    const names = new Set([...paths].map(baseOf));
    await walkLayer(
      await source.open(layers[layerIndex].digest),
      async (entry, readContent) => {
        if (entry.type !== 'file' || !names.has(baseOf(entry.path))) return;
        // the layer wrote through symlinked directories where the final image still has them (e.g. /lib -> usr/lib)
        let path: string | null = entry.path;
        if (!paths.has(path)) {
          const parent = resolveImagePath(fs.files, parentOf(path), { implicitDirectories: true });
          path = parent === null ? null : `${parent === '/' ? '' : parent}/${baseOf(entry.path)}`;
        }
        if (path === null || !paths.has(path)) return;
        const versions = history.get(path) ?? new Map<number, Buffer>();
        versions.set(layerIndex, await readContent());
        history.set(path, versions);
      },
      { limits },
    );
  }
  return history;
}
