import { type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AdvisoryError } from '../advisory-error.js';
import { failedRecord, osvRecordsFromBytes, type AdvisoryRecordResult } from './record-result.js';
import { type AdvisorySourceLimits, isRecordFileName, limitExceeded, resolveSourceLimits } from './source-limits.js';

// Files read concurrently ahead of the consumer: one file at a time leaves the walk waiting on the disk.
const READ_AHEAD = 32;

interface FoundFile {
  path: string;
  name: string;
  symlink: boolean;
}

async function* listFiles(root: string, limits: AdvisorySourceLimits): AsyncGenerator<FoundFile> {
  let files = 0;
  async function* walk(dir: string, depth: number): AsyncGenerator<FoundFile> {
    if (depth > limits.maxDepth) throw limitExceeded('maxDepth', limits.maxDepth, `the nesting of ${dir}`);
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* walk(path, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isRecordFileName(entry.name)) {
        files += 1;
        if (files > limits.maxEntries) throw limitExceeded('maxEntries', limits.maxEntries, `the number of files under ${root}`);
        yield { path, name: relative(root, path), symlink: entry.isSymbolicLink() };
      }
    }
  }
  yield* walk(root, 0);
}

/** Reads and parses one file; never rejects, so read-ahead promises cannot go unhandled. */
async function load(file: FoundFile, maxBytes: number): Promise<AdvisoryRecordResult[]> {
  if (file.symlink) return [failedRecord(file.name, new AdvisoryError('unsupported', `${file.name} is a symbolic link, which is not followed`))];
  try {
    const handle = await open(file.path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw limitExceeded('maxRecordBytes', maxBytes, `the size of ${file.name} (${size} bytes)`);
      return osvRecordsFromBytes(await handle.readFile(), file.name);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return [failedRecord(file.name, error)];
  }
}

/**
 * Every OSV record under a directory (`.json`, `.yaml`, `.yml` files, in sorted path order so runs are repeatable).
 * Symbolic links are reported, never followed; other files are ignored.
 */
export async function* walkOsvDirectory(root: string, overrides?: Partial<AdvisorySourceLimits>): AsyncGenerator<AdvisoryRecordResult> {
  const limits = resolveSourceLimits(overrides);
  const pending: Promise<AdvisoryRecordResult[]>[] = [];
  for await (const file of listFiles(root, limits)) {
    pending.push(load(file, limits.maxRecordBytes));
    if (pending.length >= READ_AHEAD) yield* await (pending.shift() as Promise<AdvisoryRecordResult[]>);
  }
  while (pending.length > 0) yield* await (pending.shift() as Promise<AdvisoryRecordResult[]>);
}
