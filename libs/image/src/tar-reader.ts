import * as tar from 'tar-stream';
import { ImageError, isImageError } from './image-error.js';
import { limitExceeded, type ImageLimits } from './limits.js';
import { decodeTarName } from './paths.js';
import { pumpIntoExtractor } from './tar-pump.js';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

export interface TarEntry {
  /** The name as stored (decoded, not yet normalised). */
  name: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkName: string | null;
  /** The entry's bytes; whatever is not read is skipped before the next entry. */
  body: AsyncIterable<Buffer>;
}

const TYPES: Record<string, TarEntryType> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/** What a tar-stream failure means to the uploader: garbage before the first entry is not a tar at all. */
function classify(error: unknown, entriesSeen: number, what: string): unknown {
  if (isImageError(error) || !(error instanceof Error)) return error;
  const message = error.message;
  if (entriesSeen === 0 && message.startsWith('Invalid tar header')) {
    return new ImageError('not_an_image', `${what} is not a tar archive (nor a gzip'd one)`);
  }
  if (/^(Invalid tar header|Invalid header|Unexpected end of data|Header exceeds max size)/.test(message)) {
    return new ImageError('truncated', `${what} is truncated or corrupt (${message.replace(/\..*$/, '')})`);
  }
  return error;
}

/**
 * The entry's chunks through one shared iterator. It is never returned early: ending a tar-stream entry early destroys
 * the whole archive stream, so a consumer that stops reading leaves the rest to be skipped by readTar.
 */
async function* guardedBody(iterator: AsyncIterator<Buffer>, what: string): AsyncGenerator<Buffer> {
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } catch (error) {
    throw classify(error, 1, what);
  }
}

/** Streams the entries of a tar archive, enforcing the entry-count and path-length limits. */
export async function* readTar(input: AsyncIterable<Buffer>, limits: ImageLimits, what: string): AsyncGenerator<TarEntry> {
  // latin1 keeps each name byte as one character, so invalid UTF-8 can be recovered and escaped (paths.ts)
  const extract = tar.extract({ filenameEncoding: 'latin1', allowUnknownFormat: true } as object);
  void pumpIntoExtractor(input, extract);
  let seen = 0;
  try {
    for await (const entry of extract) {
      seen += 1;
      if (seen > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, `the number of entries in ${what}`);
      const header = entry.header;
      const iterator = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      const pax = (header.pax ?? {}) as Record<string, string | undefined>;
      const name = decodeTarName(header.name, pax.path !== undefined);
      if (name.length > limits.maxPathLength) {
        throw limitExceeded('maxPathLength', limits.maxPathLength, `the length of an entry name in ${what}`);
      }
      yield {
        name,
        type: TYPES[header.type as string] ?? 'other',
        mode: header.mode ?? 0,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        size: header.size ?? 0,
        linkName: header.linkname ? decodeTarName(header.linkname, pax.linkpath !== undefined) : null,
        body: guardedBody(iterator, what),
      };
      // skip what the consumer did not read
      while (!(await iterator.next()).done);
    }
  } catch (error) {
    throw classify(error, seen, what);
  } finally {
    if (!extract.destroyed) extract.destroy();
  }
}
