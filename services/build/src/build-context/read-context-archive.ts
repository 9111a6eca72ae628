import { type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { pumpIntoExtractor } from '@dhi/image';
import * as tar from 'tar-stream';
import { type ContextLimits } from '../config.js';
import { ContextError, isContextError } from './context-error.js';
import { type ContextEntry, ContextRules } from './context-rules.js';

/** Receives each accepted entry with its bytes, and must read them to the end before it resolves. */
export type ContextVisitor = (entry: ContextEntry, body: AsyncIterable<Buffer>, rules: ContextRules) => Promise<void>;

export interface ContextSummary {
  entries: number;
  /** Bytes of the tar stream after decompression. */
  tarBytes: number;
  gzip: boolean;
}

// below this many decompressed bytes the ratio is not checked: tar padding alone compresses far beyond 100:1
const RATIO_FLOOR_BYTES = 1024 * 1024;

const TAR_BLOCK = 512;

function classify(error: unknown, summary: ContextSummary): unknown {
  if (isContextError(error) || !(error instanceof Error)) return error;
  const message = error.message;
  // garbage shorter than one tar header never was a tar, rather than a tar cut short
  const tooShort = summary.tarBytes < TAR_BLOCK && /^Unexpected end of data/.test(message);
  if (summary.entries === 0 && (tooShort || /^(Invalid tar header|incorrect header check)/.test(message))) {
    return new ContextError('not_a_tar', 'the build context is not a tar archive (nor a gzip\'d one)');
  }
  if (/^(Invalid tar header|Invalid header|Unexpected end of data|Header exceeds max size|unexpected end of file|invalid |incorrect )/i.test(message)) {
    return new ContextError('truncated', `the build context is truncated or corrupt (${message.replace(/\..*$/, '')})`);
  }
  return error;
}

/** The decompressed bytes of a tar or tar.gz (detected by its magic bytes), refusing a gzip bomb by size and ratio. */
async function* decompressed(input: AsyncIterable<Buffer>, limits: ContextLimits, summary: ContextSummary): AsyncGenerator<Buffer> {
  let compressedBytes = 0;
  const iterator = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < 2 && !ended) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else head = Buffer.concat([head, next.value]);
  }
  const counted = async function* (): AsyncGenerator<Buffer> {
    compressedBytes += head.length;
    if (head.length > 0) yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      compressedBytes += next.value.length;
      yield next.value;
    }
  };
  summary.gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (!summary.gzip) {
    for await (const chunk of counted()) {
      summary.tarBytes += chunk.length;
      yield chunk;
    }
    return;
  }
  const gunzip = createGunzip();
  const feed = (async () => {
    for await (const chunk of counted()) {
      if (gunzip.destroyed) return;
      if (!gunzip.write(chunk)) await new Promise<void>((resolve) => gunzip.once('drain', resolve).once('close', resolve));
    }
    gunzip.end();
  })();
  feed.catch((error: unknown) => gunzip.destroy(error as Error));
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      summary.tarBytes += chunk.length;
      if (summary.tarBytes > limits.maxDecompressedBytes) {
        throw new ContextError('limit_exceeded', `the build context decompresses to more than ${limits.maxDecompressedBytes} bytes (maxDecompressedBytes)`);
      }
      if (summary.tarBytes > RATIO_FLOOR_BYTES && summary.tarBytes > compressedBytes * limits.maxCompressionRatio) {
        throw new ContextError('limit_exceeded', `the build context decompresses more than ${limits.maxCompressionRatio} times its size (maxCompressionRatio): a compression bomb`);
      }
      yield chunk;
    }
    await feed;
  } finally {
    if (!gunzip.destroyed) gunzip.destroy();
  }
}

/**
 * Reads a build context archive once, as a stream: every entry is checked by ContextRules (one instance per archive)
 * before the visitor sees it. Never touches the filesystem itself; throws ContextError for a refused context.
 */
export async function readContextArchive(input: AsyncIterable<Buffer> | Readable, limits: ContextLimits, visit: ContextVisitor): Promise<ContextSummary> {
  const summary: ContextSummary = { entries: 0, tarBytes: 0, gzip: false };
  const rules = new ContextRules(limits);
  const extract = tar.extract();
  const pump = pumpIntoExtractor(decompressed(input, limits, summary), extract);
  try {
    for await (const entry of extract) {
      summary.entries += 1;
      const checked = rules.check(entry.header);
      const body = entry as AsyncIterable<Buffer>;
      if (checked) await visit(checked, body, rules);
      // whatever the visitor left unread is skipped
      for await (const chunk of body) void chunk;
    }
    await pump;
    return summary;
  } catch (error) {
    throw classify(error, summary);
  } finally {
    if (!extract.destroyed) extract.destroy();
  }
}
