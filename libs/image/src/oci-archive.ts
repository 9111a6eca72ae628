import { findArchiveFile, type ArchiveContents, type StagedFile } from './archive-scan.js';
import { type BlobStaging } from './blob-store.js';
import { digestHex } from './digest.js';
import { ImageError } from './image-error.js';
import { ImageConfigJson, IndexJson, ManifestJson, parseImageJson, tryParseJson, type DescriptorJson } from './image-json.js';
import { limitExceeded, type ImageLimits } from './limits.js';
import { isImageConfigMediaType, isIndexMediaType, isManifestMediaType, MediaTypes } from './media-types.js';
import { pickPlatform, type Platform } from './platform.js';
import { selectImage, type ImageSelection, type ResolvedImage } from './resolved-image.js';

const MAX_INDEX_DEPTH = 4;

interface Candidate {
  label: string;
  platform: Platform;
  digest: string;
  mediaType: string;
  manifest: ManifestJson;
}

/** Finds (staging it if needed) the blob of an OCI layout with the given digest and declared size; null when the layout lacks it. */
export type OciBlobLookup = (digest: string, size: number) => Promise<StagedFile | null>;

/** Walks index.json (and nested indexes) of an OCI layout, collecting its image manifests. */
class OciLayoutReader {
  readonly candidates = new Map<string, Candidate & { hint?: Platform }>();
  readonly missing: string[] = [];
  readonly artifacts: string[] = [];

  constructor(
    private readonly lookup: OciBlobLookup,
    private readonly staging: BlobStaging,
    private readonly limits: ImageLimits,
  ) {}

  async blobFile(descriptor: DescriptorJson): Promise<StagedFile | null> {
    const file = await this.lookup(descriptor.digest, descriptor.size);
    if (file && file.size !== descriptor.size) {
      throw new ImageError('digest_mismatch', `blob ${descriptor.digest} has ${file.size} bytes, but its descriptor says ${descriptor.size}`);
    }
    return file;
  }

  async readJson(descriptor: DescriptorJson): Promise<Buffer | null> {
    const file = await this.blobFile(descriptor);
    if (!file) return null;
    if (file.size > this.limits.maxManifestBytes) throw limitExceeded('maxManifestBytes', this.limits.maxManifestBytes, `blob ${descriptor.digest}`);
    return this.staging.read(file.digest, this.limits.maxManifestBytes);
  }

  async walk(descriptors: DescriptorJson[], depth: number, label: string): Promise<void> {
    if (depth > MAX_INDEX_DEPTH) throw new ImageError('invalid_manifest', `image indexes are nested more than ${MAX_INDEX_DEPTH} deep`);
    for (const [position, descriptor] of descriptors.entries()) {
      const name = descriptor.annotations?.['org.opencontainers.image.ref.name'] ?? `${label}${position}`;
      const mediaType = descriptor.mediaType ?? '';
      const known = isIndexMediaType(mediaType) || isManifestMediaType(mediaType);
      if (!known && descriptor.size > this.limits.maxManifestBytes) {
        this.artifacts.push(mediaType || 'a blob without a media type');
        continue;
      }
      const bytes = await this.readJson(descriptor);
      if (!bytes) {
        this.missing.push(descriptor.digest);
        continue;
      }
      const sniffed = tryParseJson(bytes) as { manifests?: unknown; layers?: unknown } | null;
      if (isIndexMediaType(mediaType) || (!isManifestMediaType(mediaType) && Array.isArray(sniffed?.manifests))) {
        const index = parseImageJson(bytes, IndexJson, `image index ${descriptor.digest}`);
        await this.walk(index.manifests ?? [], depth + 1, `${name}/`);
      } else if (isManifestMediaType(mediaType) || Array.isArray(sniffed?.layers)) {
        this.addManifest(descriptor, bytes, name);
      }
    }
  }

  private addManifest(descriptor: DescriptorJson, bytes: Buffer, label: string): void {
    const manifest = parseImageJson(bytes, ManifestJson, `manifest ${descriptor.digest}`);
    const configType = manifest.config.mediaType ?? '';
    if (!isImageConfigMediaType(configType)) {
      this.artifacts.push(configType || 'an artifact without a config media type');
      return;
    }
    if (this.candidates.has(descriptor.digest)) return;
    const mediaType = manifest.mediaType ?? descriptor.mediaType ?? MediaTypes.ociManifest;
    const hint = descriptor.platform ? pickPlatform(descriptor.platform) : undefined;
    this.candidates.set(descriptor.digest, { label, platform: hint ?? { os: '?', architecture: '?' }, hint, digest: descriptor.digest, mediaType, manifest });
  }

  async readConfig(manifest: ManifestJson): Promise<{ config: ImageConfigJson; file: StagedFile }> {
    const bytes = await this.readJson(manifest.config);
    if (!bytes) throw new ImageError('missing_blob', `config blob ${manifest.config.digest} is not in the image`);
    const file = (await this.blobFile(manifest.config)) as StagedFile;
    return { config: parseImageJson(bytes, ImageConfigJson, `config ${manifest.config.digest}`), file };
  }
}

async function layerOf(reader: OciLayoutReader, descriptor: DescriptorJson): Promise<ResolvedImage['layers'][number]> {
  // the compression is read from the content when the layer is verified, whatever the media type claims
  const mediaType = descriptor.mediaType ?? MediaTypes.ociLayer;
  const file = await reader.blobFile(descriptor);
  if (!file) throw new ImageError('missing_blob', `layer ${descriptor.digest} is not in the image`);
  return { digest: descriptor.digest, size: descriptor.size, mediaType, file };
}

/** Finds the image of an OCI image layout archive for the wanted platform. */
export function resolveOciArchive(contents: ArchiveContents, staging: BlobStaging, limits: ImageLimits, selection: ImageSelection): Promise<ResolvedImage> {
  const lookup: OciBlobLookup = async (digest) => findArchiveFile(contents, `blobs/sha256/${digestHex(digest)}`);
  return resolveOciLayout(contents.metadata.get('index.json') ?? Buffer.from('null'), lookup, staging, limits, selection);
}

/** Finds the image of an OCI image layout (its index.json and a way to reach its blobs) for the wanted platform. */
export async function resolveOciLayout(
  indexJson: Buffer,
  lookup: OciBlobLookup,
  staging: BlobStaging,
  limits: ImageLimits,
  selection: ImageSelection,
): Promise<ResolvedImage> {
  const index = parseImageJson(indexJson, IndexJson, 'index.json');
  if (!index.manifests || index.manifests.length === 0) throw new ImageError('invalid_manifest', 'index.json lists no manifests');
  const reader = new OciLayoutReader(lookup, staging, limits);
  await reader.walk(index.manifests, 0, '#');
  const candidates = [...reader.candidates.values()];
  if (candidates.length === 0) {
    if (reader.missing.length > 0) throw new ImageError('missing_blob', `index.json names blob ${reader.missing[0]}, which is not in the image`);
    if (reader.artifacts.length > 0) throw new ImageError('unsupported', `the image layout holds no container image, only artifacts of type ${reader.artifacts.join(', ')}`);
    throw new ImageError('invalid_manifest', 'index.json names no image manifest');
  }
  const configs = new Map<string, { config: ImageConfigJson; file: StagedFile }>();
  for (const candidate of candidates) {
    if (candidate.hint) continue;
    const loaded = await reader.readConfig(candidate.manifest);
    configs.set(candidate.digest, loaded);
    candidate.platform = pickPlatform(loaded.config);
  }
  const chosen = selectImage(candidates, selection);
  const { config, file } = configs.get(chosen.digest) ?? (await reader.readConfig(chosen.manifest));
  // one layer at a time: a layout directory stages each layer as it is looked up
  const layers: ResolvedImage['layers'] = [];
  for (const descriptor of chosen.manifest.layers) layers.push(await layerOf(reader, descriptor));
  return {
    format: 'oci-archive',
    manifestDigest: chosen.digest,
    manifestMediaType: chosen.mediaType,
    configDigest: file.digest,
    config,
    layers,
    platform: chosen.hint ?? pickPlatform(config),
  };
}
