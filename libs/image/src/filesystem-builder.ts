import { ImageError } from './image-error.js';
import { type LayerEntry, type LayerEntryType } from './layer-walker.js';
import { baseName, normaliseImagePath, parentPath } from './paths.js';

export type ImageFile = LayerEntry & { layerIndex: number };

/** What one layer did to one path (frozen and shared between paths where equal: never mutate one). */
export interface PathEvent {
  readonly layerIndex: number;
  readonly action: 'added' | 'changed' | 'removed';
  /** The entry type the layer wrote; null for a removal. */
  readonly type: LayerEntryType | null;
  readonly size: number;
}

export interface ImageFilesystem<R = unknown> {
  /** The final filesystem (without `/` itself), by absolute path. */
  files: Map<string, ImageFile>;
  /** Per path, every layer that added, changed or removed it, in layer order: deleted files stay visible here. */
  history: Map<string, PathEvent[]>;
  /** Captured content of final-filesystem files accepted by `wantContent`, each at most maxFileReadBytes. */
  contents: Map<string, Buffer>;
  /**
   * Results of the `inspect` option, by path then layer index: one per layer that wrote a regular file there and had it
   * inspected. Never pruned, so the versions of files later removed or replaced stay here (as in `history`).
   */
  inspections: Map<string, Map<number, R>>;
  /** Entries read across all layers. */
  entryCount: number;
}

const OPAQUE = '.wh..wh..opq';
const WHITEOUT = '.wh.';
const MAX_SYMLINK_HOPS = 40;

const join = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/**
 * Applies layer entries one at a time, as an unpacker would: whiteouts hide only what lower layers hold, a non-directory
 * replaces everything below its path, and a path whose parent is a symlink is written where the symlink leads inside the
 * root (like umoci and containerd). Invariant: no stored path has a symlink or a non-directory as an ancestor.
 */
export class FilesystemBuilder<R = unknown> {
  readonly fs: ImageFilesystem<R> = { files: new Map(), history: new Map(), contents: new Map(), inspections: new Map(), entryCount: 0 };
  // children of every path that has some, so that removing a subtree costs the subtree, not the whole filesystem
  private readonly children = new Map<string, Set<string>>();
  // hard links by the path they link to: replacing or removing that path leaves them holding the old file
  private readonly hardLinks = new Map<string, Set<string>>();
  private layerIndex = 0;
  private readonly sizelessEvents = new Map<string, PathEvent>();

  startLayer(layerIndex: number): void {
    this.layerIndex = layerIndex;
  }

  /** Applies a whiteout (or skips `/`) and returns null; for any other entry, returns the path where it lands. */
  locate(entry: LayerEntry): string | null {
    if (entry.path === '/') return null;
    const name = baseName(entry.path);
    if (!name.startsWith(WHITEOUT)) return join(this.resolveParent(entry.path), name);
    const dir = this.resolveParent(entry.path);
    if (name === OPAQUE) for (const child of [...(this.children.get(dir) ?? [])]) this.hideLower(child);
    else this.hideLower(join(dir, name.slice(WHITEOUT.length)));
    return null;
  }

  /** Adds a non-whiteout entry of the current layer at the path `locate` returned for it. */
  add(entry: LayerEntry, path: string, content: Buffer | undefined): void {
    const existing = this.fs.files.get(path);
    // nothing can live below a non-directory
    if (entry.type !== 'dir') for (const child of [...(this.children.get(path) ?? [])]) this.removeTree(child);
    if (existing) this.detachHardLinks(existing);
    const linkTarget = entry.type === 'hardlink' && entry.linkTarget ? this.resolveHardLink(entry.linkTarget) : entry.linkTarget;
    // a literal of fixed shape: a spread copy is a dictionary-mode object, three times the memory per file
    const { type, mode, uid, gid, size } = entry;
    this.store({ path, type, mode, uid, gid, size, linkTarget, layerIndex: this.layerIndex });
    if (!existing) this.link(path);
    if (content) this.fs.contents.set(path, content);
    else this.fs.contents.delete(path);
    this.record(path, { layerIndex: this.layerIndex, action: existing ? 'changed' : 'added', type: entry.type, size: entry.size });
  }

  /** Keeps an inspection result of the current layer's entry at `path` (the layer's last entry there wins). */
  keepInspection(path: string, result: R): void {
    const byLayer = this.fs.inspections.get(path);
    if (byLayer) byLayer.set(this.layerIndex, result);
    else this.fs.inspections.set(path, new Map([[this.layerIndex, result]]));
  }

  /** A whiteout: removes what lower layers hold at and below `path`; this layer's own entries stay. */
  private hideLower(path: string): void {
    for (const child of [...(this.children.get(path) ?? [])]) this.hideLower(child);
    const file = this.fs.files.get(path);
    if (file && file.layerIndex < this.layerIndex) this.delete(path);
  }

  private removeTree(path: string): void {
    for (const child of [...(this.children.get(path) ?? [])]) this.removeTree(child);
    if (this.fs.files.has(path)) this.delete(path);
  }

  private store(file: ImageFile): void {
    this.fs.files.set(file.path, file);
    if (file.type !== 'hardlink' || !file.linkTarget) return;
    const links = this.hardLinks.get(file.linkTarget);
    if (links) links.add(file.path);
    else this.hardLinks.set(file.linkTarget, new Set([file.path]));
  }

  /** Before `file` is replaced or removed, the hard links to it become what they share an inode with: its current entry. */
  private detachHardLinks(file: ImageFile): void {
    const links = this.hardLinks.get(file.path);
    if (!links) return;
    this.hardLinks.delete(file.path);
    const content = this.fs.contents.get(file.path);
    for (const path of links) {
      const link = this.fs.files.get(path);
      if (link?.type !== 'hardlink' || link.linkTarget !== file.path) continue;
      this.store({ path, type: file.type, mode: file.mode, uid: file.uid, gid: file.gid, size: file.size, linkTarget: file.linkTarget, layerIndex: link.layerIndex });
      if (content) this.fs.contents.set(path, content);
    }
  }

  private delete(path: string): void {
    const file = this.fs.files.get(path);
    if (file) this.detachHardLinks(file);
    this.fs.files.delete(path);
    this.fs.contents.delete(path);
    this.unlink(path);
    this.record(path, { layerIndex: this.layerIndex, action: 'removed', type: null, size: 0 });
  }

  private link(path: string): void {
    // every ancestor is indexed, so a subtree under an implicit (never declared) directory is still reachable
    for (let child = path, parent = parentPath(path); ; child = parent, parent = parentPath(parent)) {
      const siblings = this.children.get(parent);
      if (siblings?.has(child)) return;
      if (siblings) siblings.add(child);
      else this.children.set(parent, new Set([child]));
      if (parent === '/') return;
    }
  }

  private unlink(path: string): void {
    if (this.children.has(path)) return;
    // an implicit directory left without children disappears from the index with it
    for (let child = path, parent = parentPath(path); child !== '/'; child = parent, parent = parentPath(parent)) {
      const siblings = this.children.get(parent);
      siblings?.delete(child);
      if (siblings && siblings.size > 0) return;
      this.children.delete(parent);
      if (this.fs.files.has(parent)) return;
    }
  }

  private record(path: string, event: PathEvent): void {
    // events without a size (directories, links, removals, empty files) repeat within a layer: one frozen object each
    if (event.size === 0) {
      const key = `${event.action}:${event.type}`;
      const shared = this.sizelessEvents.get(key);
      if (shared?.layerIndex === event.layerIndex) event = shared;
      else this.sizelessEvents.set(key, Object.freeze(event));
    }
    const events = this.fs.history.get(path);
    if (events) events.push(event);
    else this.fs.history.set(path, [event]);
  }

  private resolveHardLink(target: string): string {
    return join(this.resolveParent(target), baseName(target));
  }

  /** The directory an entry at `path` is written into, following symlinks in its parent chain without leaving the root. */
  private resolveParent(path: string): string {
    const parent = parentPath(path);
    // the invariant makes a stored directory's own chain safe
    if (parent === '/' || this.fs.files.get(parent)?.type === 'dir') return parent;
    let pending = parent.split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    while (pending.length > 0) {
      const candidate = join(current, pending[0]);
      const file = this.fs.files.get(candidate);
      if (file?.type === 'symlink') {
        hops += 1;
        if (hops > MAX_SYMLINK_HOPS) throw this.refused(path, `its parent ${parent} is a chain of more than ${MAX_SYMLINK_HOPS} symbolic links (or a loop)`);
        const target = file.linkTarget ?? '';
        pending = [...normaliseImagePath(target.startsWith('/') ? target : `${current}/${target}`).split('/').filter(Boolean), ...pending.slice(1)];
        current = '/';
        continue;
      }
      if (file && file.type !== 'dir') throw this.refused(path, `${candidate} is not a directory`);
      current = candidate;
      pending = pending.slice(1);
    }
    return current;
  }

  private refused(path: string, why: string): ImageError {
    return new ImageError('unsupported', `layer ${this.layerIndex + 1} writes ${path}, but ${why}; an unpacker would refuse this layer`);
  }
}
