import { type BlobSource } from './blob-store.js';
import { resolveLimits, limitExceeded, type ImageLimits } from './limits.js';
import { walkLayer, type LayerEntry, type LayerEntryType } from './layer-walker.js';
import { baseName, parentPath } from './paths.js';

export type ImageFile = LayerEntry & { layerIndex: number };

/** What one layer did to one path. */
export interface PathEvent {
  layerIndex: number;
  action: 'added' | 'changed' | 'removed';
  /** The entry type the layer wrote; null for a removal. */
  type: LayerEntryType | null;
  size: number;
}

export interface ImageFilesystem {
  /** The final filesystem (without `/` itself), by absolute path. */
  files: Map<string, ImageFile>;
  /** Per path, every layer that added, changed or removed it, in layer order: deleted files stay visible here. */
  history: Map<string, PathEvent[]>;
  /** Captured content of final-filesystem files accepted by `wantContent`, each at most maxFileReadBytes. */
  contents: Map<string, Buffer>;
  /** Entries read across all layers. */
  entryCount: number;
}

const OPAQUE = '.wh..wh..opq';
const WHITEOUT = '.wh.';

class FilesystemBuilder {
  readonly fs: ImageFilesystem = { files: new Map(), history: new Map(), contents: new Map(), entryCount: 0 };

  record(path: string, event: PathEvent): void {
    const events = this.fs.history.get(path);
    if (events) events.push(event);
    else this.fs.history.set(path, [event]);
  }

  remove(path: string, layerIndex: number): void {
    const existing = this.fs.files.get(path);
    if (!existing) return;
    if (existing.type === 'dir') this.removeBelow(path, layerIndex);
    this.fs.files.delete(path);
    this.fs.contents.delete(path);
    this.record(path, { layerIndex, action: 'removed', type: null, size: 0 });
  }

  removeBelow(dir: string, layerIndex: number): void {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const path of [...this.fs.files.keys()]) if (path.startsWith(prefix)) this.remove(path, layerIndex);
  }

  add(entry: LayerEntry, layerIndex: number, content: Buffer | undefined): void {
    const existing = this.fs.files.get(entry.path);
    // a non-directory replacing a directory replaces everything below it too
    if (existing?.type === 'dir' && entry.type !== 'dir') this.removeBelow(entry.path, layerIndex);
    this.fs.files.set(entry.path, { ...entry, layerIndex });
    if (content) this.fs.contents.set(entry.path, content);
    else this.fs.contents.delete(entry.path);
    this.record(entry.path, { layerIndex, action: existing ? 'changed' : 'added', type: entry.type, size: entry.size });
  }
}

/**
 * Applies every layer in order (whiteouts `.wh.<name>` and opaque dirs `.wh..wh..opq`) and returns the final filesystem
 * plus, for each path, which layer added/changed/removed it.
 */
export async function readImageFilesystem(
  layers: { digest: string }[],
  source: BlobSource,
  options?: { limits?: Partial<ImageLimits>; wantContent?: (path: string) => boolean },
): Promise<ImageFilesystem> {
  const limits = resolveLimits(options?.limits);
  const builder = new FilesystemBuilder();
  for (const [layerIndex, layer] of layers.entries()) {
    const added: { entry: LayerEntry; content?: Buffer }[] = [];
    const opaque: string[] = [];
    const whiteouts: string[] = [];
    const { entries } = await walkLayer(
      await source.open(layer.digest),
      async (entry, readContent) => {
        const name = baseName(entry.path);
        if (name === OPAQUE) opaque.push(parentPath(entry.path));
        else if (name.startsWith(WHITEOUT)) whiteouts.push(`${parentPath(entry.path).replace(/\/$/, '')}/${name.slice(WHITEOUT.length)}`);
        else if (entry.path !== '/') {
          const want = entry.type === 'file' && options?.wantContent?.(entry.path) === true;
          added.push({ entry, content: want ? await readContent() : undefined });
        }
      },
      { limits },
    );
    builder.fs.entryCount += entries;
    if (builder.fs.entryCount > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, 'the number of entries in the image');
    // whiteouts hide what lower layers have; this layer's own entries are applied after them
    for (const dir of opaque) builder.removeBelow(dir, layerIndex);
    for (const path of whiteouts) builder.remove(path, layerIndex);
    for (const { entry, content } of added) builder.add(entry, layerIndex, content);
  }
  return builder.fs;
}
