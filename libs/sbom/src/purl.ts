import { type PackageEcosystem } from './types.js';

const PURL_TYPE: Record<PackageEcosystem, string> = {
  deb: 'deb', apk: 'apk', rpm: 'rpm', npm: 'npm', pypi: 'pypi', golang: 'golang', maven: 'maven',
};

// the purl spec leaves ':' unencoded in every component (so epochs read `1:2.3`)
const encode = (value: string): string => encodeURIComponent(value).replace(/%3A/gi, ':');

export interface PurlParts {
  type: PackageEcosystem;
  namespace?: string | null;
  name: string;
  version?: string | null;
  qualifiers?: Record<string, string | null | undefined>;
  subpath?: string | null;
}

/** A package-url string; namespace segments are encoded one by one, qualifiers sorted by key and empty ones left out. */
export function formatPurl(parts: PurlParts): string {
  let purl = `pkg:${PURL_TYPE[parts.type]}/`;
  if (parts.namespace) purl += `${parts.namespace.split('/').filter(Boolean).map(encode).join('/')}/`;
  purl += encode(parts.name);
  if (parts.version) purl += `@${encode(parts.version)}`;
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (qualifiers.length > 0) purl += `?${qualifiers.map(([key, value]) => `${key.toLowerCase()}=${encode(value)}`).join('&')}`;
  if (parts.subpath) purl += `#${parts.subpath.split('/').filter(Boolean).map(encode).join('/')}`;
  return purl;
}

/** PEP 503 normalised name, which the pypi purl type requires. */
export function normalisePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
