import { type ContentInspector, type ImageFile, type LayerEntry } from '@dhi/image';
import { type Note, type OsIdentity, type Package } from './types.js';

/** A package as one metadata file shows it, before the layer that introduced it is known. */
export type FoundPackage = Omit<Package, 'layerIndex' | 'layerDigest'>;

export type FoundNote = Omit<Note, 'layerIndex'>;

export interface CatalogOutput {
  packages: FoundPackage[];
  notes: FoundNote[];
}

/** What a cataloger may look at besides the metadata file it reads: the final image. */
export interface CatalogContext {
  os: OsIdentity | null;
  files: ReadonlyMap<string, ImageFile>;
  /** Captured content of a final file (hard links read through to the file they share an inode with). */
  contentOf(path: string): Buffer | undefined;
}

/** Reads packages out of one kind of metadata file; `matches` decides from the path alone which files are captured. */
export interface Cataloger {
  readonly name: string;
  matches(path: string): boolean;
  catalog(path: string, content: Buffer, context: CatalogContext): CatalogOutput | Promise<CatalogOutput>;
}

/**
 * Reads packages out of files whose bytes stream past (binaries), in every layer, instead of out of captured metadata
 * files: any file may be one, and they are too large to capture.
 */
export interface StreamCataloger {
  readonly name: string;
  /** An inspector for this regular file, or undefined to leave it alone (decided from path, mode and size). */
  inspect(entry: LayerEntry, path: string): ContentInspector<CatalogOutput> | undefined;
}

export const noPackages = (): CatalogOutput => ({ packages: [], notes: [] });
