import { type ImageFile } from '@dhi/image';
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

export const noPackages = (): CatalogOutput => ({ packages: [], notes: [] });
