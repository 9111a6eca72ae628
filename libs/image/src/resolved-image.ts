import { type StagedFile } from './archive-scan.js';
import { ImageError } from './image-error.js';
import { type ImageConfigJson } from './image-json.js';
import { formatPlatform, platformMatches, type Platform } from './platform.js';

/** An image found in an archive, before its layers are verified and its blobs committed. */
export interface ResolvedImage {
  format: 'docker-archive' | 'oci-archive';
  manifestDigest: string;
  manifestMediaType: string;
  configDigest: string;
  config: ImageConfigJson;
  layers: { digest: string; size: number; mediaType: string; file: StagedFile }[];
  platform: Platform;
}

export interface ImageSelection {
  platform: Platform;
  /** Which image to take when an archive holds several (position in manifest.json, or among the OCI index's images). */
  imageIndex?: number;
}

/** One image an archive offers, with a name the uploader recognises. */
export interface ImageCandidate {
  label: string;
  platform: Platform;
}

/** Picks the one image to import, or explains clearly why there is none or more than one. */
export function selectImage<T extends ImageCandidate>(candidates: T[], selection: ImageSelection): T {
  const wanted = formatPlatform(selection.platform);
  const describe = (list: T[]): string => list.map((c) => `${formatPlatform(c.platform)} (${c.label})`).join(', ');
  if (selection.imageIndex !== undefined) {
    const chosen = candidates[selection.imageIndex];
    if (!chosen) {
      throw new ImageError('invalid_manifest', `the archive holds ${candidates.length} image(s); there is no image number ${selection.imageIndex}`);
    }
    if (!platformMatches(chosen.platform, selection.platform)) {
      throw new ImageError('no_matching_platform', `image ${selection.imageIndex} is for ${describe([chosen])}, not ${wanted}`);
    }
    return chosen;
  }
  const matching = candidates.filter((c) => platformMatches(c.platform, selection.platform));
  if (matching.length === 0) {
    throw new ImageError('no_matching_platform', `the archive has no image for ${wanted}; it has: ${describe(candidates)}`);
  }
  if (matching.length > 1) {
    throw new ImageError('invalid_manifest', `the archive holds ${matching.length} images for ${wanted}: ${describe(matching)}; submit one image per build`);
  }
  return matching[0];
}
