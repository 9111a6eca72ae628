import { isDigest } from '../digest.js';
import { RegistryError } from './registry-error.js';

/** A parsed `host[:port]/repository[:tag][@sha256:…]`; the registry host is always explicit. */
export interface ImageReference {
  /** `host[:port]`, lower-cased, as the credentials and insecure lists name it. */
  registry: string;
  repository: string;
  /** The tag, `latest` when neither tag nor digest is given; null for a digest-only reference. */
  tag: string | null;
  /** Set when pulling by digest: the manifest must hash to it. */
  digest: string | null;
}

const HOST_LABEL = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)';
const HOST = new RegExp(`^(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]{1,5}))?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_NAME_LENGTH = 255;

const invalid = (text: string, why: string): RegistryError =>
  new RegistryError('invalid_reference', `"${text.slice(0, 300)}" is not a registry reference (host[:port]/repository:tag or @sha256:…): ${why}`);

// docker's rule: the first component names a registry only if it looks like a host, never a bare "library" name
const looksLikeHost = (component: string): boolean =>
  component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[');

/** Parses a registry reference; throws RegistryError('invalid_reference') saying what is wrong with it. */
export function parseImageReference(text: string): ImageReference {
  if (text.length > 1024 || /\s/.test(text)) throw invalid(text, 'it is too long or contains white space');
  const at = text.indexOf('@');
  const digest = at === -1 ? null : text.slice(at + 1);
  if (digest !== null && !isDigest(digest)) throw invalid(text, 'the digest must be sha256: followed by 64 lower-case hex digits');
  const named = at === -1 ? text : text.slice(0, at);
  const slash = named.indexOf('/');
  if (slash === -1 || !looksLikeHost(named.slice(0, slash))) {
    throw invalid(text, 'it must start with the registry host (a name with a dot, host:port or localhost); there is no default registry');
  }
  const host = named.slice(0, slash);
  const port = HOST.exec(host)?.[1];
  if (!HOST.test(host) || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) throw invalid(text, `"${host}" is not a valid host[:port]`);
  let path = named.slice(slash + 1);
  let tag: string | null = null;
  const colon = path.lastIndexOf(':');
  if (colon !== -1) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(text, `"${tag}" is not a valid tag`);
  }
  if (path.length === 0 || path.length > MAX_NAME_LENGTH || !path.split('/').every((c) => PATH_COMPONENT.test(c))) {
    throw invalid(text, 'the repository must be lower-case path components of letters, digits and . _ -');
  }
  return { registry: host.toLowerCase(), repository: path, tag: tag ?? (digest === null ? 'latest' : null), digest };
}

/** The reference in its canonical text form. */
export function formatImageReference(reference: ImageReference): string {
  const tag = reference.tag === null ? '' : `:${reference.tag}`;
  const digest = reference.digest === null ? '' : `@${reference.digest}`;
  return `${reference.registry}/${reference.repository}${tag}${digest}`;
}
