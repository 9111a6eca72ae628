/** Fields of one paragraph of a deb822 / RFC 822 style file; names are matched case-insensitively (stored lower-case). */
export type Fields = Map<string, string>;

/**
 * Parses deb822 paragraphs (dpkg status, status.d, apk-like key files): `Name: value` lines, continuation lines that start
 * with a space or tab, paragraphs separated by blank lines. Continuations are joined with `\n`.
 */
export function parseParagraphs(text: string): Fields[] {
  const paragraphs: Fields[] = [];
  let current: Fields | null = null;
  let last: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current) paragraphs.push(current);
      current = null;
      last = null;
      continue;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && current && last) {
      current.set(last, `${current.get(last)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current ??= new Map();
    last = line.slice(0, colon).trim().toLowerCase();
    current.set(last, line.slice(colon + 1).trim());
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** RFC 822 headers up to the first blank line (Python METADATA / PKG-INFO); repeated fields keep every value. */
export function parseHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') break;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last[last.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(name) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(name, values);
    last = values;
  }
  return headers;
}
