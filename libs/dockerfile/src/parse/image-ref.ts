/** An image reference split as Docker reads it: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  repository: string;
  tag: string | null;
  digest: string | null;
}

/** Splits an image reference; the tag is the part after the last `:` that follows the last `/` (a port is not a tag). */
export function parseImageRef(reference: string): ImageRef {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : null;
  const name = at >= 0 ? reference.slice(0, at) : reference;
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  return { repository: hasTag ? name.slice(0, colon) : name, tag: hasTag ? name.slice(colon + 1) : null, digest: digest || null };
}

const DIGEST = /^(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$/;

/** Whether a string is a content digest Docker accepts in `FROM image@digest`. */
export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}
