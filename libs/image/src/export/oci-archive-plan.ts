import { type BlobStore } from '../blob-store.js';
import { digestHex } from '../digest.js';
import { ImageError } from '../image-error.js';
import { ImageConfigJson, ManifestJson, parseImageJson, type DescriptorJson } from '../image-json.js';
import { DEFAULT_IMAGE_LIMITS } from '../limits.js';
import { isIndexMediaType, MediaTypes } from '../media-types.js';
import { pickPlatform, type Platform } from '../platform.js';

/** A stored image to export: its manifest digest and, optionally, the name the archive gives it. */
export interface StoredImageRef {
  manifestDigest: string;
  /** `org.opencontainers.image.ref.name` of the one image in index.json (e.g. `name:tag`). */
  refName?: string;
}

export interface OciArchiveBlob {
  digest: string;
  size: number;
  mediaType: string;
}

/** Everything an export writes, checked against the store before the first byte is sent. */
export interface OciArchivePlan {
  manifest: OciArchiveBlob;
  platform: Platform;
  /** Manifest, config and layers, each once, in the order they are written. */
  blobs: OciArchiveBlob[];
  ociLayout: Buffer;
  indexJson: Buffer;
  /** Exact byte length of the tar archive. */
  archiveSize: number;
}

const TAR_BLOCK = 512;
// OCI image-spec annotations.md: a reference is components of alphanumerics joined by - . _ : @ + / or "--"
const REF_NAME = /^[A-Za-z0-9]+(?:(?:[-._:@+/]|--)[A-Za-z0-9]+)*$/;

/** Whether a value may be an `org.opencontainers.image.ref.name` annotation (OCI image-spec grammar, at most 255 chars). */
export const isOciRefName = (value: string): boolean => value.length <= 255 && REF_NAME.test(value);

const padded = (size: number): number => Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;

/** Entry names of the layout, in archive order; the directories come first so extractors need not invent them. */
export const LAYOUT_DIRECTORIES = ['blobs/', 'blobs/sha256/'];
export const blobEntryName = (digest: string): string => `blobs/sha256/${digestHex(digest)}`;

async function checkStored(store: BlobStore, blob: OciArchiveBlob, role: string): Promise<void> {
  const size = await store.size(blob.digest);
  if (size === null) throw new ImageError('missing_blob', `the ${role} ${blob.digest} is not in the store`);
  if (size !== blob.size) throw new ImageError('digest_mismatch', `the stored ${role} ${blob.digest} has ${size} bytes, the manifest says ${blob.size}`);
}

function descriptorBlob(descriptor: DescriptorJson, fallbackMediaType: string): OciArchiveBlob {
  return { digest: descriptor.digest, size: descriptor.size, mediaType: descriptor.mediaType ?? fallbackMediaType };
}

/** The tar size: a 512-byte header plus padded content per entry, then two zero blocks. */
function tarSize(contentSizes: number[]): number {
  return contentSizes.reduce((total, size) => total + TAR_BLOCK + padded(size), 0) + 2 * TAR_BLOCK;
}

/** Reads and checks a stored image's manifest and config, and that every blob it names is stored with its size. */
export async function planOciArchive(store: BlobStore, image: StoredImageRef): Promise<OciArchivePlan> {
  if (image.refName !== undefined && !isOciRefName(image.refName)) {
    throw new ImageError('invalid_manifest', `"${image.refName.slice(0, 80)}" is not a valid OCI reference name`);
  }
  const maxBytes = DEFAULT_IMAGE_LIMITS.maxManifestBytes;
  const manifestBytes = await store.readAll(image.manifestDigest, maxBytes);
  const manifest = parseImageJson(manifestBytes, ManifestJson, `manifest ${image.manifestDigest}`);
  const manifestMediaType = manifest.mediaType ?? MediaTypes.ociManifest;
  if (isIndexMediaType(manifestMediaType)) throw new ImageError('unsupported', `${image.manifestDigest} is an image index, not an image manifest`);
  const config = parseImageJson(await store.readAll(manifest.config.digest, maxBytes), ImageConfigJson, `config ${manifest.config.digest}`);

  const manifestBlob: OciArchiveBlob = { digest: image.manifestDigest, size: manifestBytes.length, mediaType: manifestMediaType };
  const configBlob = descriptorBlob(manifest.config, MediaTypes.ociConfig);
  const layerBlobs = manifest.layers.map((layer) => descriptorBlob(layer, MediaTypes.ociLayer));
  await checkStored(store, configBlob, 'config');
  for (const layer of layerBlobs) await checkStored(store, layer, 'layer');

  // a layer listed twice (or equal to the config) is one file in the layout
  const unique = new Map<string, OciArchiveBlob>();
  for (const blob of [manifestBlob, configBlob, ...layerBlobs]) if (!unique.has(blob.digest)) unique.set(blob.digest, blob);
  const blobs = [...unique.values()];
  const platform = pickPlatform(config);
  const ociLayout = Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const descriptor = {
    ...manifestBlob,
    platform,
    ...(image.refName !== undefined ? { annotations: { 'org.opencontainers.image.ref.name': image.refName } } : {}),
  };
  const indexJson = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests: [descriptor] }));
  const archiveSize = tarSize([ociLayout.length, indexJson.length, ...LAYOUT_DIRECTORIES.map(() => 0), ...blobs.map((blob) => blob.size)]);
  return { manifest: manifestBlob, platform, blobs, ociLayout, indexJson, archiveSize };
}
