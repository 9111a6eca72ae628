/** The image an SBOM describes. */
export interface SbomImage {
  /** Repository as users refer to it: `registry.example/library/debian`, `registry.local/team/app`. */
  name: string;
  tag?: string | null;
  /** Manifest digest, `sha256:<hex>`. */
  digest: string;
  /** `os/architecture[/variant]`, e.g. `linux/amd64`. */
  platform?: string | null;
}

export interface SbomExportOptions {
  /** Creation time written into the document; now by default. */
  timestamp?: Date;
  /** The generating tool; `dhi-scanner` by default. */
  tool?: { name: string; version: string };
  /** Base URI of SPDX document namespaces; each document appends a unique path to it. */
  namespaceBase?: string;
  /** Identifies the build in the SPDX namespace (e.g. the build id), before the random part. */
  documentKey?: string;
}

export const DEFAULT_TOOL = { name: 'dhi-scanner', version: '0.1.0' };

/** The `pkg:oci` purl of an image: the last repository segment as name, the digest as version. */
export function imagePurl(image: SbomImage): string {
  const repository = image.name.toLowerCase();
  const name = repository.split('/').pop() ?? repository;
  const qualifiers: [string, string | null | undefined][] = [
    ['arch', image.platform?.split('/')[1]],
    ['repository_url', repository],
    ['tag', image.tag],
  ];
  const query = qualifiers
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2F/gi, '/')}`)
    .join('&');
  return `pkg:oci/${encodeURIComponent(name)}@${encodeURIComponent(image.digest)}${query ? `?${query}` : ''}`;
}

/** The hex part of a `sha256:` digest; null for other algorithms. */
export function sha256Hex(digest: string): string | null {
  const match = /^sha256:([0-9a-f]{64})$/i.exec(digest);
  return match ? match[1].toLowerCase() : null;
}
