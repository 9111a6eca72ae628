/** A Dockerfile image reference split into its parts (`[domain/]path[:tag][@digest]`). */
export interface LocalReference {
  /** `host[:port]` when the first component names a registry, else null. */
  domain: string | null;
  path: string;
  tag: string | null;
  digest: string | null;
}

const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses a reference as written in a FROM line; null when it is not a valid image reference. */
export function parseLocalReference(reference: string): LocalReference | null {
  if (reference.length === 0 || reference.length > 512) return null;
  const at = reference.indexOf('@');
  const digest = at < 0 ? null : reference.slice(at + 1);
  if (digest !== null && !DIGEST.test(digest)) return null;
  let rest = at < 0 ? reference : reference.slice(0, at);
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  // the first component is a registry when it cannot be a repository name (a dot, a port, or localhost)
  const domain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : null;
  if (domain !== null) rest = rest.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  const tag = colon < 0 ? null : rest.slice(colon + 1);
  const path = colon < 0 ? rest : rest.slice(0, colon);
  if (!PATH.test(path) || (tag !== null && !TAG.test(tag))) return null;
  return { domain, path, tag, digest };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a reference is a bare build id (`FROM 0b9e…-…`), which names that build's image. */
export function isBuildIdReference(reference: LocalReference): boolean {
  return reference.domain === null && reference.tag === null && reference.digest === null && UUID.test(reference.path);
}
