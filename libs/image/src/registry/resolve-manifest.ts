import { sha256Digest, isDigest } from '../digest.js';
import { ImageError } from '../image-error.js';
import { IndexJson, ManifestJson, parseImageJson, tryParseJson, type DescriptorJson } from '../image-json.js';
import { isImageConfigMediaType, isIndexMediaType, isManifestMediaType, MediaTypes } from '../media-types.js';
import { formatPlatform, pickPlatform, platformMatches, type Platform } from '../platform.js';
import { type RegistryClient } from './registry-client.js';

const MAX_INDEX_DEPTH = 4;

/** The image manifest chosen for the wanted platform, verified against its digest. */
export interface ResolvedManifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
  manifest: ManifestJson;
  /** What the index said about the platform, when the manifest was chosen from one. */
  indexPlatform: Platform | null;
}

type Kind = 'index' | 'manifest';

function kindOf(mediaType: string, bytes: Buffer, what: string): Kind {
  if (isIndexMediaType(mediaType)) return 'index';
  if (isManifestMediaType(mediaType)) return 'manifest';
  const sniffed = tryParseJson(bytes) as { schemaVersion?: unknown; manifests?: unknown; layers?: unknown } | null;
  if (sniffed?.schemaVersion === 1 || mediaType.includes('manifest.v1')) {
    throw new ImageError('unsupported', `${what} is a docker schema 1 manifest, which is not supported (push it again with a current client)`);
  }
  if (Array.isArray(sniffed?.manifests)) return 'index';
  if (Array.isArray(sniffed?.layers)) return 'manifest';
  throw new ImageError('unsupported', `${what} has media type ${mediaType || '(none)'}, which is not an image manifest or index`);
}

/** Checks the served bytes against what the request or the registry promised. */
function verifyDigest(bytes: Buffer, expected: string | null, header: string | null, what: string): string {
  const actual = sha256Digest(bytes);
  if (expected !== null && actual !== expected) throw new ImageError('digest_mismatch', `${what} hashes to ${actual}, not to the requested ${expected}`);
  if (header !== null && isDigest(header) && header !== actual) {
    throw new ImageError('digest_mismatch', `${what} hashes to ${actual}, but the registry announced ${header}`);
  }
  return actual;
}

function choose(index: IndexJson, wanted: Platform, what: string): DescriptorJson {
  const images = (index.manifests ?? []).filter((d) => d.platform && (isIndexMediaType(d.mediaType ?? '') || isManifestMediaType(d.mediaType ?? MediaTypes.ociManifest)));
  const match = images.find((d) => d.platform && platformMatches(pickPlatform(d.platform), wanted));
  if (match) return match;
  // attestation manifests are listed as unknown/unknown; they are not images anyone could want
  const present = [...new Set(images.map((d) => formatPlatform(pickPlatform(d.platform!))).filter((p) => !p.startsWith('unknown')))];
  throw new ImageError('no_matching_platform', `${what} has no image for ${formatPlatform(wanted)}; it has: ${present.join(', ') || 'no platform-specific images'}`);
}

/**
 * Fetches the manifest a reference names; an index or manifest list is resolved to the wanted platform (nested up to
 * 4 deep). Every manifest is verified: against the requested digest, a parent's descriptor, and Docker-Content-Digest.
 */
export async function resolveRegistryManifest(
  client: RegistryClient,
  target: { tagOrDigest: string; digest: string | null; label: string },
  wanted: Platform,
  maxManifestBytes: number,
): Promise<ResolvedManifest> {
  let descriptor: { digest: string | null; size: number | null; mediaType: string | null } = { digest: target.digest, size: null, mediaType: null };
  let ref = target.tagOrDigest;
  let indexPlatform: Platform | null = null;
  for (let depth = 0; depth <= MAX_INDEX_DEPTH; depth += 1) {
    const what = depth === 0 ? target.label : `manifest ${ref} of ${target.label}`;
    const fetched = await client.manifest(ref, maxManifestBytes);
    if (descriptor.size !== null && fetched.bytes.length !== descriptor.size) {
      throw new ImageError('digest_mismatch', `${what} has ${fetched.bytes.length} bytes, but the index says ${descriptor.size}`);
    }
    const digest = verifyDigest(fetched.bytes, descriptor.digest, fetched.digestHeader, what);
    const mediaType = fetched.mediaType || descriptor.mediaType || '';
    if (kindOf(mediaType, fetched.bytes, what) === 'manifest') {
      const manifest = parseImageJson(fetched.bytes, ManifestJson, what);
      const configType = manifest.config.mediaType ?? '';
      if (!isImageConfigMediaType(configType)) throw new ImageError('unsupported', `${what} is not a container image but an artifact (config type ${configType || 'none'})`);
      return { digest, mediaType: manifest.mediaType ?? (mediaType || MediaTypes.ociManifest), bytes: fetched.bytes, manifest, indexPlatform };
    }
    const chosen = choose(parseImageJson(fetched.bytes, IndexJson, what), wanted, what);
    descriptor = { digest: chosen.digest, size: chosen.size, mediaType: chosen.mediaType ?? null };
    indexPlatform = chosen.platform ? pickPlatform(chosen.platform) : null;
    ref = chosen.digest;
  }
  throw new ImageError('invalid_manifest', `the image indexes of ${target.label} are nested more than ${MAX_INDEX_DEPTH} deep`);
}
