import { type ContentInspector, type ImageFilesystem, type InspectEntry } from '@dhi/image';
import { attribute, type MetadataVersion } from './attribution.js';
import { type CatalogOutput, type StreamCataloger } from './cataloger.js';
import { type Note, type Package, type RemovedPackage } from './types.js';

/** What stream catalogers found, by path then layer index (readImageFilesystem's `inspections`). */
export type InspectedOutputs = ReadonlyMap<string, ReadonlyMap<number, CatalogOutput>>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A cataloger's inspector whose failures become a `metadata_unreadable` note for the file instead of failing the read. */
function guarded(inspector: ContentInspector<CatalogOutput>, cataloger: string, path: string): ContentInspector<CatalogOutput> {
  let failure: string | null = null;
  return {
    update(chunk) {
      if (failure !== null) return 'done';
      try {
        return inspector.update(chunk);
      } catch (error) {
        failure = messageOf(error);
        return 'done';
      }
    },
    finish() {
      try {
        if (failure === null) return inspector.finish();
      } catch (error) {
        failure = messageOf(error);
      }
      return { packages: [], notes: [{ code: 'metadata_unreadable', message: `${cataloger} could not read ${path}: ${failure}`, path }] };
    },
  };
}

/** The `inspect` option that offers each regular file to the stream catalogers (the first that wants it reads it). */
export function inspectWith(catalogers: readonly StreamCataloger[]): InspectEntry<CatalogOutput> {
  return (entry, path) => {
    for (const cataloger of catalogers) {
      const inspector = cataloger.inspect(entry, path);
      if (inspector) return guarded(inspector, cataloger.name, path);
    }
    return undefined;
  };
}

/**
 * Packages of inspected files, attributed like metadata files: each layer's last word on a path is the packages its
 * file showed (none for a file nobody recognised, null once removed or no longer a file). A package still present is
 * dated from the layer that wrote the final file, since a rewritten binary is a new binary.
 */
export function inspectedPackages(
  fs: ImageFilesystem,
  inspected: InspectedOutputs,
  digestOf: (layerIndex: number) => string,
): { packages: Package[]; removed: RemovedPackage[]; notes: Note[] } {
  const packages: Package[] = [];
  const removed: RemovedPackage[] = [];
  const notes: Note[] = [];
  for (const path of [...inspected.keys()].sort()) {
    const outputs = inspected.get(path) as ReadonlyMap<number, CatalogOutput>;
    const byLayer = new Map<number, CatalogOutput | null>();
    for (const event of fs.history.get(path) ?? []) byLayer.set(event.layerIndex, event.type === 'file' ? (outputs.get(event.layerIndex) ?? { packages: [], notes: [] }) : null);
    const versions: MetadataVersion[] = [];
    for (const [layerIndex, output] of byLayer) {
      notes.push(...(output?.notes ?? []).map((note) => ({ ...note, layerIndex })));
      versions.push({ layerIndex, packages: output?.packages ?? null });
    }
    const attributed = attribute(versions, digestOf);
    const finalLayer = versions[versions.length - 1]?.layerIndex ?? 0;
    packages.push(...attributed.packages.map((found) => ({ ...found, layerIndex: finalLayer, layerDigest: digestOf(finalLayer) })));
    removed.push(...attributed.removed);
  }
  return { packages, removed, notes };
}
