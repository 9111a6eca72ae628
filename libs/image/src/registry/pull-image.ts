import { Readable } from 'node:stream';
import { type BlobStaging, type BlobStore } from '../blob-store.js';
import { unsupportedCompression } from '../compression.js';
import { ImageError } from '../image-error.js';
import { ImageConfigJson, parseImageJson, type DescriptorJson } from '../image-json.js';
import { type ImportedImage } from '../import-image-archive.js';
import { LayerProbe } from '../layer-probe.js';
import { limitExceeded, resolveLimits, type ImageLimits } from '../limits.js';
import { MediaTypes } from '../media-types.js';
import { DEFAULT_PLATFORM, formatPlatform, pickPlatform, platformMatches, type Platform } from '../platform.js';
import { formatImageReference, parseImageReference, type ImageReference } from './image-reference.js';
import { RegistryClient } from './registry-client.js';
import { type RegistryCredentials } from './registry-credentials.js';
import { RegistryTransport, type RegistryTransportOptions } from './registry-transport.js';
import { resolveRegistryManifest } from './resolve-manifest.js';

export interface PullImageOptions {
  /** Credentials by `host[:port]`; none means anonymous. */
  credentials?: RegistryCredentials;
  transport?: RegistryTransportOptions;
  limits?: Partial<ImageLimits>;
  /** Default linux/amd64. */
  platform?: Platform;
  /** Aborts the pull (build timeout, shutdown); nothing is committed. */
  signal?: AbortSignal;
  /** Called with each step, for the build log; messages never carry credentials. */
  progress?: (message: string) => void | Promise<void>;
}

/** An image pulled from a registry: the same shape as an imported archive, plus where it came from. */
export interface PulledImage extends ImportedImage {
  /** `host[:port]/repository[:tag]@<manifest digest>`: the exact image stored. */
  pulledReference: string;
}

const bytesText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`);

/** Streams one blob into the staging area, failing as soon as it grows past its descriptor's size. */
async function stageBlob(client: RegistryClient, staging: BlobStaging, descriptor: DescriptorJson, onChunk?: (chunk: Buffer) => Promise<void>): Promise<void> {
  const body = await client.blob(descriptor.digest);
  async function* bounded(): AsyncGenerator<Buffer> {
    let received = 0;
    for await (const chunk of body) {
      received += chunk.length;
      if (received > descriptor.size) throw new ImageError('digest_mismatch', `blob ${descriptor.digest} is larger than the ${descriptor.size} bytes its descriptor says`);
      if (onChunk) await onChunk(chunk);
      yield chunk;
    }
  }
  const staged = await staging.put(bounded());
  if (staged.digest !== descriptor.digest || staged.size !== descriptor.size) {
    throw new ImageError('digest_mismatch', `blob ${descriptor.digest} is corrupt: the registry sent ${staged.size} bytes hashing to ${staged.digest}`);
  }
}

/** Stages a layer while computing its diff id from the same bytes; returns that diff id. */
async function stageLayer(client: RegistryClient, staging: BlobStaging, descriptor: DescriptorJson, what: string, limits: ImageLimits, shared: { decompressed: number }): Promise<string> {
  const probe = new LayerProbe(limits, what, shared);
  try {
    await stageBlob(client, staging, descriptor, (chunk) => probe.write(chunk));
  } catch (error) {
    probe.dispose();
    throw error;
  }
  const result = await probe.end();
  if (result.error) throw result.error;
  const diffId = result.compression === 'none' ? descriptor.digest : result.diffId;
  if (diffId === null) throw unsupportedCompression(result.compression, what);
  return diffId;
}

async function stageConfig(client: RegistryClient, staging: BlobStaging, descriptor: DescriptorJson, limits: ImageLimits): Promise<ImageConfigJson> {
  if (descriptor.size > limits.maxManifestBytes) throw limitExceeded('maxManifestBytes', limits.maxManifestBytes, `config ${descriptor.digest}`);
  await stageBlob(client, staging, descriptor);
  return parseImageJson(await staging.read(descriptor.digest, limits.maxManifestBytes), ImageConfigJson, `config ${descriptor.digest}`);
}

/**
 * Pulls an image through the OCI Distribution API into the blob store: resolves an index to the wanted platform,
 * verifies every manifest and blob digest and each layer's diff id, and commits only when all are verified.
 */
export async function pullImage(reference: string | ImageReference, store: BlobStore, options: PullImageOptions = {}): Promise<PulledImage> {
  const ref = typeof reference === 'string' ? parseImageReference(reference) : reference;
  const limits = resolveLimits(options.limits);
  const wanted = options.platform ?? DEFAULT_PLATFORM;
  const progress = async (message: string): Promise<void> => {
    await options.progress?.(message);
  };
  const label = formatImageReference(ref);
  const transport = new RegistryTransport(options.transport);
  const client = new RegistryClient(ref, transport, options.credentials?.get(ref.registry), options.signal);

  await progress(`resolving ${label} for ${formatPlatform(wanted)} at ${transport.origin(ref.registry)}`);
  const resolved = await resolveRegistryManifest(client, { tagOrDigest: ref.digest ?? ref.tag ?? 'latest', digest: ref.digest, label }, wanted, limits.maxManifestBytes);
  const { manifest } = resolved;
  const total = manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
  if (total > limits.maxArchiveBytes) throw limitExceeded('maxArchiveBytes', limits.maxArchiveBytes, `the image's ${bytesText(total)} of blobs`);
  await progress(`manifest ${resolved.digest}${resolved.indexPlatform ? ` (${formatPlatform(resolved.indexPlatform)} from the index)` : ''}: ${manifest.layers.length} layers, ${bytesText(total)}`);

  const staging = await store.stage();
  try {
    const config = await stageConfig(client, staging, manifest.config, limits);
    const platform = pickPlatform(config);
    if (!platformMatches(platform, wanted)) throw new ImageError('no_matching_platform', `${label} is an image for ${formatPlatform(platform)}, not ${formatPlatform(wanted)}`);
    const expected = config.rootfs.diff_ids;
    if (expected.length !== manifest.layers.length) {
      throw new ImageError('invalid_manifest', `the config lists ${expected.length} layer diff ids, but the manifest has ${manifest.layers.length} layers`);
    }
    const shared = { decompressed: 0 };
    const layers: ImportedImage['layers'] = [];
    for (const [index, descriptor] of manifest.layers.entries()) {
      const what = `layer ${index + 1} (${descriptor.digest})`;
      const diffId = await stageLayer(client, staging, descriptor, what, limits, shared);
      if (diffId !== expected[index]) throw new ImageError('digest_mismatch', `${what} has diff id ${diffId}, but the config says ${expected[index]}`);
      layers.push({ digest: descriptor.digest, size: descriptor.size, mediaType: descriptor.mediaType ?? MediaTypes.ociLayer, diffId });
      await progress(`${what}: ${bytesText(descriptor.size)}, digest and diff id verified`);
    }
    await staging.put(Readable.from([resolved.bytes]));
    // layers first, manifest last: a manifest in the store implies its blobs are there too
    await staging.commit([...new Set([...layers.map((l) => l.digest), manifest.config.digest, resolved.digest])]);
    await progress(`stored manifest ${resolved.digest} with its config and ${layers.length} layers`);
    return {
      // the layout the registry served: docker v2 schema 2, or OCI
      format: resolved.mediaType === MediaTypes.dockerManifest ? 'docker-archive' : 'oci-archive',
      manifestDigest: resolved.digest,
      manifestMediaType: resolved.mediaType,
      configDigest: manifest.config.digest,
      config,
      layers,
      platform,
      pulledReference: formatImageReference({ ...ref, digest: resolved.digest }),
    };
  } finally {
    await staging.discard();
  }
}
