import { Readable } from 'node:stream';
import { findArchiveFile, type ArchiveContents, type StagedFile } from './archive-scan.js';
import { type BlobStaging } from './blob-store.js';
import { isSha256Hex } from './digest.js';
import { ImageError } from './image-error.js';
import { DockerArchiveManifest, ImageConfigJson, parseImageJson, type DockerManifestEntry } from './image-json.js';
import { limitExceeded, type ImageLimits } from './limits.js';
import { MediaTypes } from './media-types.js';
import { baseName } from './paths.js';
import { pickPlatform, type Platform } from './platform.js';
import { selectImage, type ImageSelection, type ResolvedImage } from './resolved-image.js';

interface DockerImage {
  label: string;
  platform: Platform;
  entry: DockerManifestEntry;
  config: ImageConfigJson;
  configFile: StagedFile;
}

function requireFile(contents: ArchiveContents, path: string, role: string): StagedFile {
  const file = findArchiveFile(contents, path);
  if (!file) throw new ImageError('missing_blob', `manifest.json names ${role} "${path}", which is not in the archive`);
  return file;
}

async function readConfig(contents: ArchiveContents, staging: BlobStaging, limits: ImageLimits, entry: DockerManifestEntry) {
  const file = requireFile(contents, entry.Config, 'the config');
  // docker save names configs <hex>.json, newer ones sha256:<hex> or blobs/sha256/<hex>: a hex name is a promise
  const stem = baseName(entry.Config).replace(/\.json$/, '').replace(/^sha256:/, '');
  if (isSha256Hex(stem) && `sha256:${stem}` !== file.digest) {
    throw new ImageError('digest_mismatch', `config ${entry.Config} does not match its name: its content hashes to ${file.digest}`);
  }
  if (file.size > limits.maxManifestBytes) throw limitExceeded('maxManifestBytes', limits.maxManifestBytes, `config ${entry.Config}`);
  const config = parseImageJson(await staging.read(file.digest, limits.maxManifestBytes), ImageConfigJson, `config ${entry.Config}`);
  return { config, file };
}

function layerMediaType(file: StagedFile): string {
  if (file.probe.compression === 'gzip') return MediaTypes.ociLayerGzip;
  return file.probe.compression === 'zstd' ? MediaTypes.ociLayerZstd : MediaTypes.ociLayer;
}

/** Finds the image of a `docker save` archive and stages an OCI manifest synthesised from its config and layers. */
export async function resolveDockerArchive(
  contents: ArchiveContents,
  staging: BlobStaging,
  limits: ImageLimits,
  selection: ImageSelection,
): Promise<ResolvedImage> {
  const entries = parseImageJson(contents.metadata.get('manifest.json') ?? Buffer.from('null'), DockerArchiveManifest, 'manifest.json');
  if (entries.length === 0) throw new ImageError('invalid_manifest', 'manifest.json lists no images');
  const wanted = selection.imageIndex === undefined ? entries : entries.slice(0, selection.imageIndex + 1);
  const images: DockerImage[] = [];
  for (const [index, entry] of wanted.entries()) {
    const { config, file } = await readConfig(contents, staging, limits, entry);
    const label = entry.RepoTags && entry.RepoTags.length > 0 ? entry.RepoTags.join(', ') : `image ${index}`;
    images.push({ label, platform: pickPlatform(config), entry, config, configFile: file });
  }
  const chosen = selectImage(images, selection);
  const layers = chosen.entry.Layers.map((path) => {
    const file = requireFile(contents, path, 'layer');
    return { digest: file.digest, size: file.size, mediaType: layerMediaType(file), file };
  });
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaTypes.ociManifest,
    config: { mediaType: MediaTypes.ociConfig, digest: chosen.configFile.digest, size: chosen.configFile.size },
    layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
  };
  const staged = await staging.put(Readable.from([Buffer.from(JSON.stringify(manifest))]));
  return {
    format: 'docker-archive',
    manifestDigest: staged.digest,
    manifestMediaType: MediaTypes.ociManifest,
    configDigest: chosen.configFile.digest,
    config: chosen.config,
    layers,
    platform: chosen.platform,
  };
}
