import { type Readable } from 'node:stream';
import { scanArchive, type ArchiveContents } from './archive-scan.js';
import { type BlobStaging, type BlobStore } from './blob-store.js';
import { isReadableCompression, unsupportedCompression } from './compression.js';
import { resolveDockerArchive } from './docker-archive.js';
import { ImageError } from './image-error.js';
import { tryParseJson, type ImageConfigJson } from './image-json.js';
import { resolveLimits, type ImageLimits } from './limits.js';
import { resolveOciArchive } from './oci-archive.js';
import { DEFAULT_PLATFORM, type Platform } from './platform.js';
import { type ImageSelection, type ResolvedImage } from './resolved-image.js';

export interface ImportedImage {
  format: 'docker-archive' | 'oci-archive';
  /** For a docker-archive: an OCI manifest synthesised from config and layers, stored as a blob. */
  manifestDigest: string;
  manifestMediaType: string;
  configDigest: string;
  config: ImageConfigJson;
  layers: { digest: string; size: number; mediaType: string; diffId: string }[];
  platform: Platform;
}

export interface ImportOptions {
  limits?: Partial<ImageLimits>;
  /** Default linux/amd64. */
  platform?: Platform;
  /** Which image to take from an archive holding several; without it such an archive is refused. */
  imageIndex?: number;
}

function isOciLayout(contents: ArchiveContents): boolean {
  const index = contents.metadata.get('index.json');
  if (!index) return false;
  if (!contents.metadata.has('manifest.json')) return true;
  // docker 25+ writes both; an index without manifests defers to manifest.json
  const parsed = tryParseJson(index) as { manifests?: unknown } | null;
  return Array.isArray(parsed?.manifests) && parsed.manifests.length > 0;
}

async function resolve(contents: ArchiveContents, staging: BlobStaging, limits: ImageLimits, selection: ImageSelection): Promise<ResolvedImage> {
  if (isOciLayout(contents)) return resolveOciArchive(contents, staging, limits, selection);
  if (contents.metadata.has('manifest.json')) return resolveDockerArchive(contents, staging, limits, selection);
  if (contents.metadata.has('oci-layout')) throw new ImageError('invalid_manifest', 'the OCI layout has no index.json file');
  throw new ImageError('not_an_image', 'the archive is neither a docker save archive (manifest.json) nor an OCI layout (index.json)');
}

/** Checks every layer's decompressed digest against the config's rootfs.diff_ids; returns the diff ids. */
function verifyLayers(image: ResolvedImage): string[] {
  const expected = image.config.rootfs.diff_ids;
  if (expected.length !== image.layers.length) {
    throw new ImageError('invalid_manifest', `the config lists ${expected.length} layer diff ids, but the manifest has ${image.layers.length} layers`);
  }
  return image.layers.map((layer, index) => {
    const probe = layer.file.probe;
    if (!isReadableCompression(probe.compression)) throw unsupportedCompression(probe.compression, `layer ${layer.digest}`);
    if (probe.error) throw probe.error;
    const diffId = probe.compression === 'none' ? layer.file.digest : probe.diffId;
    if (diffId !== expected[index]) {
      throw new ImageError('digest_mismatch', `layer ${index + 1} (${layer.digest}) has diff id ${diffId}, but the config says ${expected[index]}`);
    }
    return diffId;
  });
}

/** Verifies a resolved image's layers and commits its blobs (layers first, manifest last); returns what was stored. */
export async function commitImage(image: ResolvedImage, staging: BlobStaging): Promise<ImportedImage> {
  const diffIds = verifyLayers(image);
  // a manifest in the store implies its blobs are there too
  await staging.commit([...new Set([...image.layers.map((l) => l.digest), image.configDigest, image.manifestDigest])]);
  return {
    format: image.format,
    manifestDigest: image.manifestDigest,
    manifestMediaType: image.manifestMediaType,
    configDigest: image.configDigest,
    config: image.config,
    layers: image.layers.map((layer, index) => ({ digest: layer.digest, size: layer.size, mediaType: layer.mediaType, diffId: diffIds[index] })),
    platform: image.platform,
  };
}

/**
 * Reads an uploaded image archive (docker save or OCI archive, optionally gzip'd) in one pass, verifies everything, and
 * commits its manifest, config and layer blobs to the store; on any error nothing is committed.
 */
export async function importImageArchive(input: Readable, store: BlobStore, options: ImportOptions = {}): Promise<ImportedImage> {
  const limits = resolveLimits(options.limits);
  const selection: ImageSelection = { platform: options.platform ?? DEFAULT_PLATFORM, imageIndex: options.imageIndex };
  const staging = await store.stage();
  try {
    const contents = await scanArchive(input, staging, limits);
    const image = await resolve(contents, staging, limits, selection);
    return await commitImage(image, staging);
  } catch (error) {
    input.destroy();
    throw error;
  } finally {
    await staging.discard();
  }
}
