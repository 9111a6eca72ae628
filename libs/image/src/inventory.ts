import { type ImageInventory } from '@dhi/contracts';
import { type BlobSource } from './blob-store.js';
import { readImageFilesystem, type ImageFilesystem } from './image-filesystem.js';
import { type ImageLimits } from './limits.js';
import { parseOsRelease, type OsRelease } from './os-release.js';
import { resolveImagePath } from './resolve-image-path.js';

const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'];

/** The OS an image filesystem declares in os-release (following symlinks such as Debian's /etc/os-release). */
export function osReleaseOf(fs: ImageFilesystem): OsRelease | null {
  for (const path of OS_RELEASE_PATHS) {
    const resolved = resolveImagePath(fs.files, path);
    const content = resolved ? fs.contents.get(resolved) : undefined;
    const parsed = content ? parseOsRelease(content.toString('utf8')) : null;
    if (parsed) return parsed;
  }
  return null;
}

/** The small inventory that scanner and anomaly-detector publish at this stage; fileCount counts regular files and hard links. */
export async function computeInventory(
  image: { layers: { digest: string; size: number }[] },
  source: BlobSource,
  options?: { limits?: Partial<ImageLimits> },
): Promise<ImageInventory> {
  const fs = await readImageFilesystem(image.layers, source, {
    limits: options?.limits,
    // os-release files are usually symlinks into /usr/lib: capture every candidate, resolve afterwards
    wantContent: isOsReleaseCandidate,
  });
  return inventoryOf(image, fs);
}

/** Paths whose content inventoryOf needs captured by the read that builds the filesystem. */
export const isOsReleaseCandidate = (path: string): boolean => path.endsWith('/os-release');

/** The inventory of an image whose filesystem was read already (with os-release candidates captured). */
export function inventoryOf(image: { layers: { size: number }[] }, fs: ImageFilesystem): ImageInventory {
  let fileCount = 0;
  for (const file of fs.files.values()) if (file.type === 'file' || file.type === 'hardlink') fileCount += 1;
  return {
    layerCount: image.layers.length,
    fileCount,
    totalSize: image.layers.reduce((sum, layer) => sum + layer.size, 0),
    os: osReleaseOf(fs),
  };
}
