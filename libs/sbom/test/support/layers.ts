import { MemoryBlobSource, memoryImage, tarEntries, type TarEntry } from '@dhi/testing';

/** A layer entry (a local name for @dhi/testing's TarEntry). */
export type TarItem = TarEntry;

/** A layer tar of the given entries, in memory. */
export const tarOf = tarEntries;

/** An image of the given layers: its layer list and a source that serves them. */
export const imageOf = memoryImage;

export { MemoryBlobSource };
