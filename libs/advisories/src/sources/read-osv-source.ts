import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AdvisoryError } from '../advisory-error.js';
import { readOsvTar } from './read-osv-tar.js';
import { readOsvZip } from './read-osv-zip.js';
import { failedRecord, osvRecordsFromBytes, type AdvisoryRecordResult } from './record-result.js';
import { type AdvisorySourceLimits, limitExceeded, resolveSourceLimits } from './source-limits.js';
import { walkOsvDirectory } from './walk-osv-directory.js';

export type OsvSourceKind = 'directory' | 'zip' | 'tar' | 'file';

/** What kind of OSV source a path is, from the file system and the file's first bytes (never from its name). */
export async function detectOsvSource(path: string): Promise<OsvSourceKind> {
  if ((await stat(path)).isDirectory()) return 'directory';
  const handle = await open(path, 'r');
  const head = Buffer.alloc(512);
  try {
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const magic = head.subarray(0, bytesRead);
    if (magic.length >= 4 && magic.readUInt32LE(0) === 0x04034b50) return 'zip';
    if (magic.length >= 4 && magic.readUInt32LE(0) === 0x06054b50) return 'zip';
    if (magic.length >= 2 && magic[0] === 0x1f && magic[1] === 0x8b) return 'tar';
    if (magic.length >= 262 && magic.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return 'file';
  } finally {
    await handle.close();
  }
}

/**
 * Every OSV record of a source: a JSON or YAML file (one record or a bundle), a directory tree, a zip as published per
 * ecosystem by osv.dev, or a tar(.gz). Records come one at a time; bad records are results with `ok: false`.
 * Throws AdvisoryError only when the source as a whole cannot be read or breaks a limit.
 */
export async function* readOsvSource(path: string, overrides?: Partial<AdvisorySourceLimits>): AsyncGenerator<AdvisoryRecordResult> {
  let kind: OsvSourceKind;
  try {
    kind = await detectOsvSource(path);
  } catch (error) {
    throw new AdvisoryError('unreadable', `cannot read ${path}: ${(error as Error).message}`);
  }
  if (kind === 'directory') return yield* walkOsvDirectory(path, overrides);
  if (kind === 'zip') return yield* readOsvZip(path, overrides);
  if (kind === 'tar') return yield* readOsvTar(createReadStream(path), basename(path), overrides);
  const limits = resolveSourceLimits(overrides);
  const { size } = await stat(path);
  if (size > limits.maxRecordBytes) {
    yield failedRecord(basename(path), limitExceeded('maxRecordBytes', limits.maxRecordBytes, `the size of ${path} (${size} bytes)`));
    return;
  }
  const handle = await open(path, 'r');
  try {
    yield* osvRecordsFromBytes(await handle.readFile(), basename(path));
  } finally {
    await handle.close();
  }
}
