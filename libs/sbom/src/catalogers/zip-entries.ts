import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';

export interface ZipReadLimits {
  maxEntries: number;
  /** Largest declared uncompressed size of an entry that is read; larger ones are listed in `oversized`. */
  maxEntryBytes: number;
}

export interface ZipContents {
  entries: Map<string, Buffer>;
  oversized: string[];
  /** The archive held more than maxEntries entries; the ones past the limit were not looked at. */
  tooManyEntries: boolean;
}

async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let length = 0;
  // yauzl checks the inflated size against the declared one (validateEntrySizes), so this bound is the declared size
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      stream.destroy();
      throw new Error(`${entry.fileName} inflates past ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The wanted entries of a zip held in memory, each read only if its declared size is within the limit. */
export async function readZipEntries(buffer: Buffer, want: (name: string) => boolean, limits: ZipReadLimits): Promise<ZipContents> {
  const zip = await fromBufferPromise(buffer, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true, decodeStrings: true });
  const result: ZipContents = { entries: new Map(), oversized: [], tooManyEntries: false };
  let seen = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        seen += 1;
        if (seen > limits.maxEntries) {
          result.tooManyEntries = true;
          resolve();
          return;
        }
        if (entry.fileName.endsWith('/') || entry.isEncrypted() || !want(entry.fileName)) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          result.oversized.push(entry.fileName);
          zip.readEntry();
          return;
        }
        readEntry(zip, entry, limits.maxEntryBytes).then((content) => {
          result.entries.set(entry.fileName, content);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return result;
}
