import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { AdvisoryError } from '../advisory-error.js';
import { failedRecord, osvRecordsFromBytes, type AdvisoryRecordResult } from './record-result.js';
import { type AdvisorySourceLimits, isRecordFileName, limitExceeded, RATIO_FLOOR_BYTES, resolveSourceLimits } from './source-limits.js';

async function* counted(input: AsyncIterable<Buffer>, count: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    count(chunk.length);
    yield chunk;
  }
}

/** The decompressed bytes of a possibly gzip'd stream (sniffed from its first bytes), under the size and ratio limits. */
async function* decompressed(input: AsyncIterable<Buffer>, limits: AdvisorySourceLimits, label: string): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };
  const whole = (async function* () {
    yield first.value;
    yield* rest;
  })();
  let inBytes = 0;
  let outBytes = 0;
  const gzip = first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
  const raw = counted(whole, (n) => (inBytes += n));
  const output = gzip ? Readable.from(raw).pipe(createGunzip()) : raw;
  for await (const chunk of output as AsyncIterable<Buffer>) {
    outBytes += chunk.length;
    if (outBytes > limits.maxTotalBytes) throw limitExceeded('maxTotalBytes', limits.maxTotalBytes, `the decompressed size of ${label}`);
    if (gzip && outBytes > RATIO_FLOOR_BYTES && outBytes > limits.maxCompressionRatio * inBytes) {
      throw limitExceeded('maxCompressionRatio', limits.maxCompressionRatio, `the compression ratio of ${label}`);
    }
    yield chunk;
  }
}

async function readBody(entry: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Every OSV record in a tar or tar.gz stream, entry by entry (never extracted). A bad record is reported and skipped;
 * a corrupt archive or a limit on the whole archive throws AdvisoryError.
 */
export async function* readOsvTar(input: AsyncIterable<Buffer>, label = 'the tar archive', overrides?: Partial<AdvisorySourceLimits>): AsyncGenerator<AdvisoryRecordResult> {
  const limits = resolveSourceLimits(overrides);
  const extract = tar.extract();
  const source = Readable.from(decompressed(input, limits, label));
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  let entries = 0;
  try {
    for await (const entry of extract) {
      const header = entry.header;
      entries += 1;
      if (entries > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, `the number of entries in ${label}`);
      const name = `${label}!${header.name}`;
      if (header.type !== 'file' || !isRecordFileName(header.name)) {
        entry.resume();
        continue;
      }
      if ((header.size ?? 0) > limits.maxRecordBytes) {
        entry.resume();
        yield failedRecord(name, limitExceeded('maxRecordBytes', limits.maxRecordBytes, `the size of ${name} (${header.size} bytes)`));
        continue;
      }
      const bytes = await readBody(entry as AsyncIterable<Buffer>);
      yield* osvRecordsFromBytes(bytes, name);
    }
  } catch (error) {
    if (error instanceof AdvisoryError) throw error;
    throw new AdvisoryError('unreadable', `${label} is not a readable tar archive: ${(error as Error).message}`);
  } finally {
    source.destroy();
    extract.destroy();
  }
}
