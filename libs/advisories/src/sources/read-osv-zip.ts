import { type Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { AdvisoryError } from '../advisory-error.js';
import { failedRecord, osvRecordsFromBytes, type AdvisoryRecordResult } from './record-result.js';
import { type AdvisorySourceLimits, isRecordFileName, limitExceeded, RATIO_FLOOR_BYTES, resolveSourceLimits } from './source-limits.js';

async function readEntry(stream: Readable, maxBytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      stream.destroy();
      throw limitExceeded('maxRecordBytes', maxBytes, `the size of ${name}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/** The declared sizes of an entry against the limits; yauzl verifies while reading that the data matches them. */
function checkDeclared(entry: yauzl.Entry, limits: AdvisorySourceLimits, name: string): void {
  if (entry.uncompressedSize > limits.maxRecordBytes) {
    throw limitExceeded('maxRecordBytes', limits.maxRecordBytes, `the size of ${name} (${entry.uncompressedSize} bytes)`);
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    throw limitExceeded('maxCompressionRatio', limits.maxCompressionRatio, `the compression ratio of ${name}`);
  }
  if (entry.isEncrypted()) throw new AdvisoryError('unsupported', `${name} is encrypted`);
}

async function openZip(source: string | Buffer, label: string): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false };
  try {
    return typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
  } catch (error) {
    throw new AdvisoryError('unreadable', `${label} is not a readable zip archive: ${(error as Error).message}`);
  }
}

/**
 * Every OSV record in a zip archive such as osv.dev's per-ecosystem `all.zip`, entry by entry (never extracted).
 * A bad entry is reported and skipped; an unreadable archive or a limit on the whole archive throws AdvisoryError.
 */
export async function* readOsvZip(source: string | Buffer, overrides?: Partial<AdvisorySourceLimits>): AsyncGenerator<AdvisoryRecordResult> {
  const limits = resolveSourceLimits(overrides);
  const label = typeof source === 'string' ? source : 'the zip archive';
  const zip = await openZip(source, label);
  try {
    if (zip.entryCount > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, `the number of entries in ${label}`);
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = `${label}!${entry.fileName}`;
      if (entry.fileName.endsWith('/') || !isRecordFileName(entry.fileName)) continue;
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw limitExceeded('maxTotalBytes', limits.maxTotalBytes, `the decompressed size of ${label}`);
      let bytes: Buffer;
      try {
        checkDeclared(entry, limits, name);
        bytes = await readEntry(await zip.openReadStreamPromise(entry), limits.maxRecordBytes, name);
      } catch (error) {
        yield failedRecord(name, error);
        continue;
      }
      yield* osvRecordsFromBytes(bytes, name);
    }
  } catch (error) {
    if (error instanceof AdvisoryError) throw error;
    throw new AdvisoryError('unreadable', `${label} is corrupt: ${(error as Error).message}`);
  } finally {
    if (zip.isOpen) zip.close();
  }
}
