const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes UTF-8, writing each byte that is not part of a valid sequence as `\xNN` instead of failing or losing it. */
export function decodeUtf8Escaped(bytes: Buffer): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const length = sequenceLength(bytes[i]);
      if (length > 0 && i + length <= bytes.length) {
        try {
          out += STRICT_UTF8.decode(bytes.subarray(i, i + length));
          i += length;
          continue;
        } catch {
          // not a valid sequence: fall through and escape the lead byte alone
        }
      }
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
      i += 1;
    }
    return out;
  }
}

/**
 * A tar entry name as text. tar-stream is told to decode names as latin1, which maps bytes 1:1, so the original bytes
 * can be recovered and decoded as UTF-8 here; PAX names are already UTF-8 text.
 */
export function decodeTarName(name: string, fromPax: boolean): string {
  return fromPax ? name : decodeUtf8Escaped(Buffer.from(name, 'latin1'));
}

/** Replaces NUL, which no real path can contain, so that it can never truncate a name further down. */
export function neutraliseNul(name: string): string {
  return name.includes('\0') ? name.replace(/\0/g, '\\x00') : name;
}

function resolveSegments(name: string): string[] {
  const segments: string[] = [];
  for (const segment of neutraliseNul(name).split('/')) {
    if (segment === '' || segment === '.') continue;
    // `..` is resolved lexically and can never climb above the root
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments;
}

/** An entry name as an absolute path inside the image root: `./etc/../etc/passwd` and `../../etc/passwd` give `/etc/passwd`. */
export function normaliseImagePath(name: string): string {
  return `/${resolveSegments(name).join('/')}`;
}

/** A path inside an archive, relative and without `.`/`..` (`''` is the archive root). */
export function normaliseArchivePath(name: string): string {
  return resolveSegments(name).join('/');
}

/** Where a link at `linkPath` pointing to `target` leads, inside the same root (absolute targets start at the root). */
export function resolveLinkTarget(linkPath: string, target: string): string {
  if (target.startsWith('/')) return normaliseArchivePath(target);
  const parent = linkPath.includes('/') ? linkPath.slice(0, linkPath.lastIndexOf('/')) : '';
  return normaliseArchivePath(`${parent}/${target}`);
}

/** The parent directory of an absolute image path (`/` for `/` itself). */
export function parentPath(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
