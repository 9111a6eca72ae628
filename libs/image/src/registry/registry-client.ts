import { ImageError } from '../image-error.js';
import { tryParseJson } from '../image-json.js';
import { MediaTypes } from '../media-types.js';
import { type ImageReference } from './image-reference.js';
import { RegistryAuthenticator } from './registry-auth.js';
import { type RegistryCredential } from './registry-credentials.js';
import { RegistryError } from './registry-error.js';
import { type RegistryResponse, type RegistryTransport } from './registry-transport.js';

const MANIFEST_ACCEPT = [MediaTypes.ociIndex, MediaTypes.ociManifest, MediaTypes.dockerManifestList, MediaTypes.dockerManifest].join(', ');
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** A manifest or index as the registry served it, not yet verified. */
export interface FetchedManifest {
  bytes: Buffer;
  /** From Content-Type, without parameters; empty when the registry sent none. */
  mediaType: string;
  /** The registry's Docker-Content-Digest header, if any. */
  digestHeader: string | null;
}

/** The registry's explanation from an OCI error body (`{"errors":[{"code","message"}]}`). */
async function registryErrorOf(response: RegistryResponse): Promise<{ code: string; message: string } | null> {
  const body = await response.readAll(MAX_ERROR_BODY_BYTES).catch(() => null);
  const first = (tryParseJson(body ?? Buffer.alloc(0)) as { errors?: { code?: unknown; message?: unknown }[] } | null)?.errors?.[0];
  if (!first) return null;
  return { code: String(first.code ?? ''), message: String(first.message ?? '').slice(0, 200) };
}

/** Reads one repository of an OCI Distribution API registry (`GET /v2/<name>/manifests|blobs/<reference>`). */
export class RegistryClient {
  private readonly auth: RegistryAuthenticator;
  private readonly scope: string;
  private readonly base: string;

  constructor(
    private readonly reference: ImageReference,
    private readonly transport: RegistryTransport,
    credential: RegistryCredential | undefined,
    private readonly signal?: AbortSignal,
  ) {
    this.auth = new RegistryAuthenticator(reference.registry, credential, transport);
    this.scope = `repository:${reference.repository}:pull`;
    this.base = `${transport.origin(reference.registry)}/v2/${reference.repository}`;
  }

  /** The manifest or index named by a tag or digest; `limit_exceeded` past maxBytes. */
  async manifest(tagOrDigest: string, maxBytes: number): Promise<FetchedManifest> {
    const response = await this.request(`manifests/${tagOrDigest}`, { accept: MANIFEST_ACCEPT }, tagOrDigest);
    const declared = Number(response.headers.get('content-length') ?? 0);
    const bytes = declared > maxBytes ? null : await response.readAll(maxBytes);
    if (bytes === null) {
      await response.discard();
      throw new ImageError('limit_exceeded', `the manifest of ${this.reference.repository}@${tagOrDigest} exceeds the maxManifestBytes limit (${maxBytes})`);
    }
    return {
      bytes,
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0].trim(),
      digestHeader: response.headers.get('docker-content-digest'),
    };
  }

  /** A blob's bytes as they arrive (the caller verifies them). */
  async blob(digest: string): Promise<AsyncIterable<Buffer>> {
    const response = await this.request(`blobs/${digest}`, {}, digest);
    return response.body();
  }

  private async request(path: string, headers: Record<string, string>, target: string): Promise<RegistryResponse> {
    const url = new URL(`${this.base}/${path}`);
    for (let attempt = 0; ; attempt += 1) {
      const authorization = this.auth.authorization(this.scope);
      const response = await this.transport.get(url, authorization ? { ...headers, authorization } : headers, this.signal);
      if (response.status === 200) return response;
      if (response.status === 401 && attempt === 0) {
        await this.auth.answer(response, this.scope, this.signal);
        continue;
      }
      throw await this.failure(response, path.startsWith('blobs/'), target);
    }
  }

  private async failure(response: RegistryResponse, isBlob: boolean, target: string): Promise<Error> {
    const { registry, repository } = this.reference;
    if (response.status === 401) {
      await response.discard();
      return this.auth.refused();
    }
    const explained = await registryErrorOf(response);
    const detail = explained?.message ? `: ${explained.message}` : '';
    if (response.status === 403) return new RegistryError('registry_unauthorized', `the registry at ${registry} denied access to ${repository}${detail}`);
    if (response.status === 404 && isBlob) return new ImageError('missing_blob', `the registry at ${registry} has no blob ${target} in ${repository}, which the manifest names`);
    if (response.status === 404 && explained?.code === 'NAME_UNKNOWN') {
      return new RegistryError('registry_not_found', `the registry at ${registry} has no repository ${repository}`);
    }
    if (response.status === 404) {
      const what = target.startsWith('sha256:') ? `manifest ${target}` : `tag ${target}`;
      return new RegistryError('registry_not_found', `the registry at ${registry} has no ${what} in ${repository}`);
    }
    return new RegistryError('registry_error', `the registry at ${registry} answered HTTP ${response.status}${detail}`, response.status >= 500 || response.status === 429);
  }
}
