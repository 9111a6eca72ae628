import { type ImageInventory } from '@dhi/contracts';
import { type BlobSource, combineInspectors, type ImageFilesystem, type ImageLimits, type InspectEntry, inspectionsOf, inventoryOf, readImageFilesystem } from '@dhi/image';
import { catalogFilesystem } from './catalog-filesystem.js';
import { type CatalogOutput, type Cataloger, type StreamCataloger } from './cataloger.js';
import { DEFAULT_CATALOGERS, DEFAULT_STREAM_CATALOGERS, isSupportingPath } from './catalogers/index.js';
import { readContentHistory, versionsToRead } from './content-history.js';
import { inspectWith } from './inspected-packages.js';
import { type CatalogResult } from './types.js';

/**
 * A dpkg status or a jar routinely exceeds the image default of 1 MiB per captured file; only metadata paths are
 * captured, so a larger bound costs memory only for those files.
 */
export const DEFAULT_CATALOG_LIMITS: Readonly<Partial<ImageLimits>> = Object.freeze({ maxFileReadBytes: 64 * 1024 * 1024 });

/** Another analysis riding on the catalog's single read: what it captures, what it inspects, and what it sees after. */
export interface ExtraRead<X> {
  wantContent?: (path: string) => boolean;
  inspect?: InspectEntry<X>;
  /** The final filesystem (with everything captured) and this analysis' inspection results, by path then layer. */
  onFilesystem: (fs: ImageFilesystem<unknown>, inspections: ReadonlyMap<string, ReadonlyMap<number, X>>) => void;
}

export interface CatalogImageOptions<X = never> {
  /** Image limits for the reads (defaults: the image defaults with DEFAULT_CATALOG_LIMITS on top). */
  limits?: Partial<ImageLimits>;
  catalogers?: readonly Cataloger[];
  /** Catalogers of streamed binaries (default DEFAULT_STREAM_CATALOGERS: Go build info); [] reads no binaries. */
  streamCatalogers?: readonly StreamCataloger[];
  /** Sees the final filesystem of the single read (e.g. to take the image inventory from it without a second read). */
  onFilesystem?: (fs: ImageFilesystem) => void;
  /** Further captures and inspections in the same read (the scanner's secret, permission and config checks). */
  extra?: ExtraRead<X>;
}

/**
 * The SBOM of an image: its OS and the packages of its final filesystem, each attributed to the layer that introduced
 * it, plus the packages a later layer removed. Reads the layers once (binaries are inspected as they stream, in every
 * layer, along with whatever `extra` inspects), then again only those that wrote a metadata file a later layer replaced.
 */
export async function catalogImage<X = never>(layers: { digest: string }[], source: BlobSource, options?: CatalogImageOptions<X>): Promise<CatalogResult> {
  const limits = { ...DEFAULT_CATALOG_LIMITS, ...options?.limits };
  const catalogers = options?.catalogers ?? DEFAULT_CATALOGERS;
  const streamCatalogers = options?.streamCatalogers ?? DEFAULT_STREAM_CATALOGERS;
  const extra = options?.extra;
  const isMetadata = (path: string): boolean => catalogers.some((cataloger) => cataloger.matches(path));
  const inspect = combineInspectors<{ catalog: CatalogOutput; extra: X }>({
    catalog: streamCatalogers.length > 0 ? inspectWith(streamCatalogers) : undefined,
    extra: extra?.inspect,
  });
  const fs = await readImageFilesystem(layers, source, {
    limits,
    wantContent: (path) => isMetadata(path) || isSupportingPath(path) || extra?.wantContent?.(path) === true,
    inspect,
  });
  options?.onFilesystem?.(fs);
  extra?.onFilesystem(fs, inspectionsOf(fs.inspections, 'extra'));
  const history = await readContentHistory(layers, source, fs, versionsToRead(fs, isMetadata), limits);
  return catalogFilesystem({ layers, fs, history, catalogers, inspected: inspectionsOf(fs.inspections, 'catalog') });
}

/** catalogImage together with the image inventory taken from the same read (the analysers publish both). */
export async function catalogImageWithInventory<X = never>(
  image: { layers: { digest: string; size: number }[] },
  source: BlobSource,
  options?: Omit<CatalogImageOptions<X>, 'onFilesystem'>,
): Promise<{ catalog: CatalogResult; inventory: ImageInventory }> {
  let inventory: ImageInventory | undefined;
  const catalog = await catalogImage(image.layers, source, {
    ...options,
    onFilesystem: (fs) => {
      inventory = inventoryOf(image, fs);
    },
  });
  if (!inventory) throw new Error('the image was cataloged without its filesystem being seen');
  return { catalog, inventory };
}
