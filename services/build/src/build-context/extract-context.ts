import { constants } from 'node:fs';
import { chmod, link, lstat, mkdir, open, realpath, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { type ContextLimits } from '../config.js';
import { ContextError } from './context-error.js';
import { type ContextEntry } from './context-rules.js';
import { readContextArchive, type ContextSummary } from './read-context-archive.js';

// O_NOFOLLOW: even if a check were wrong, a file is never opened through a symlink
const CREATE_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

async function kindAt(target: string): Promise<'dir' | 'other' | null> {
  try {
    return (await lstat(target)).isDirectory() ? 'dir' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The host path of an entry, after checking that its parent directory really lies inside `root` (no link on the way). */
async function placeOf(root: string, entry: ContextEntry): Promise<string> {
  const target = path.join(root, entry.path);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  const real = await realpath(parent);
  if (real !== root && !real.startsWith(`${root}${path.sep}`)) {
    throw new ContextError('unsafe_entry', `the build context entry "${entry.path}" would be written outside the context`);
  }
  return target;
}

async function writeFile(target: string, mode: number, body: AsyncIterable<Buffer>): Promise<void> {
  const handle = await open(target, CREATE_FILE, mode | 0o600);
  try {
    for await (const chunk of body) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

async function writeEntry(root: string, entry: ContextEntry, body: AsyncIterable<Buffer>): Promise<void> {
  const target = await placeOf(root, entry);
  const existing = await kindAt(target);
  if (entry.type === 'dir') {
    if (existing === 'other') await unlink(target);
    if (existing !== 'dir') await mkdir(target, { mode: 0o700 });
    await chmod(target, entry.mode | 0o700);
    return;
  }
  // a later entry of the same path replaces the earlier one (ContextRules refused replacing a directory)
  if (existing === 'other') await unlink(target);
  if (entry.type === 'file') await writeFile(target, entry.mode, body);
  else if (entry.type === 'symlink') await symlink(entry.linkTarget ?? '', target);
  else await link(path.join(root, entry.linkTarget ?? ''), target);
}

/**
 * Extracts a build context into `root` (an empty private directory) under the same rules its upload was checked with:
 * nothing outside `root` is ever created, opened or followed. Modes keep their permission bits only.
 */
export async function extractContext(input: Readable | AsyncIterable<Buffer>, root: string, limits: ContextLimits): Promise<ContextSummary> {
  const realRoot = await realpath(root);
  return readContextArchive(input, limits, (entry, body) => writeEntry(realRoot, entry, body));
}
