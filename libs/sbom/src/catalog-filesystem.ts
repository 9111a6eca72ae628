import { capturedContent, type ImageFilesystem, parseOsRelease } from '@dhi/image';
import { attribute, type MetadataVersion } from './attribution.js';
import { type CatalogContext, type Cataloger } from './cataloger.js';
import { legacyRpmdbNotes } from './catalogers/rpm.cataloger.js';
import { type ContentHistory } from './content-history.js';
import { type InspectedOutputs, inspectedPackages } from './inspected-packages.js';
import { osIdentity } from './os-identity.js';
import { type CatalogResult, type Note, type Package, type RemovedPackage } from './types.js';

const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'];

export interface CatalogInput {
  layers: { digest: string }[];
  fs: ImageFilesystem;
  /** Earlier versions of metadata files (see readContentHistory); without them every package dates from its file's last write. */
  history?: ContentHistory;
  catalogers: readonly Cataloger[];
  /** What stream catalogers (Go binaries) found in every layer, by path then layer: `fs.inspections` of catalogImage. */
  inspected?: InspectedOutputs;
}

function contextOf(fs: ImageFilesystem): CatalogContext {
  const contentOf = (path: string): Buffer | undefined => capturedContent(fs, path);
  const release = OS_RELEASE_PATHS.map((path) => contentOf(path)).find((content) => content !== undefined);
  return { os: osIdentity(release ? parseOsRelease(release.toString('utf8')) : null), files: fs.files, contentOf };
}

/**
 * Each layer's last word on a path: the content it wrote (undefined when not captured) or null when it removed it or put
 * something else than a file there; earlier hard links are skipped, their content was never captured.
 */
function rawVersions(path: string, input: CatalogInput, context: CatalogContext): { layerIndex: number; size: number; content: Buffer | null | undefined }[] {
  const final = input.fs.files.get(path);
  const byLayer = new Map<number, { layerIndex: number; size: number; content: Buffer | null | undefined }>();
  for (const event of input.fs.history.get(path) ?? []) {
    const isFinal = final !== undefined && final.layerIndex === event.layerIndex;
    let content: Buffer | null | undefined = null;
    if (isFinal && (final.type === 'file' || final.type === 'hardlink')) content = context.contentOf(path);
    else if (event.type === 'file') {
      // without a history every package dates from its file's last write: earlier versions are simply not known
      if (!input.history) continue;
      content = input.history.get(path)?.get(event.layerIndex);
    } else if (event.type === 'hardlink') continue;
    byLayer.set(event.layerIndex, { layerIndex: event.layerIndex, size: isFinal ? final.size : event.size, content });
  }
  return [...byLayer.values()];
}

/**
 * Runs the catalogers over every version of every metadata file, adds what stream catalogers found in binaries, and
 * attributes each package to its layer.
 */
export async function catalogFilesystem(input: CatalogInput): Promise<CatalogResult> {
  const context = contextOf(input.fs);
  const digestOf = (layerIndex: number): string => input.layers[layerIndex]?.digest ?? '';
  const packages: Package[] = [];
  const removed: RemovedPackage[] = [];
  const notes: Note[] = [];
  const paths = [...input.fs.history.keys()].filter((path) => input.catalogers.some((c) => c.matches(path))).sort();
  for (const path of paths) {
    const cataloger = input.catalogers.find((c) => c.matches(path)) as Cataloger;
    const versions: MetadataVersion[] = [];
    for (const raw of rawVersions(path, input, context)) {
      if (raw.content === undefined) {
        notes.push({ code: 'history_unavailable', message: `the version of ${path} written by layer ${raw.layerIndex + 1} was not captured`, path, layerIndex: raw.layerIndex });
        continue;
      }
      if (raw.content !== null && raw.content.length < raw.size) {
        notes.push({ code: 'metadata_truncated', message: `${path} (${raw.size} bytes) is larger than the read limit (${raw.content.length} bytes) and was not read`, path, layerIndex: raw.layerIndex });
        continue;
      }
      if (raw.content === null) {
        versions.push({ layerIndex: raw.layerIndex, packages: null });
        continue;
      }
      try {
        const output = await cataloger.catalog(path, raw.content, context);
        notes.push(...output.notes.map((note) => ({ ...note, layerIndex: raw.layerIndex })));
        versions.push({ layerIndex: raw.layerIndex, packages: output.packages });
      } catch (error) {
        notes.push({ code: 'metadata_unreadable', message: `${path} could not be read: ${(error as Error).message}`, path, layerIndex: raw.layerIndex });
      }
    }
    const attributed = attribute(versions, digestOf);
    packages.push(...attributed.packages);
    removed.push(...attributed.removed);
  }
  if (input.inspected) {
    const found = inspectedPackages(input.fs, input.inspected, digestOf);
    packages.push(...found.packages);
    removed.push(...found.removed);
    notes.push(...found.notes);
  }
  notes.push(...legacyRpmdbNotes(input.fs.files));
  return { os: context.os, packages: sortPackages(packages), removed: sortPackages(removed), notes };
}

function sortPackages<T extends Package>(list: T[]): T[] {
  const key = (p: Package): string => `${p.ecosystem}\0${p.name}\0${p.version}\0${p.locations[0] ?? ''}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
