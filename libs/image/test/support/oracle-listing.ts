import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { type ImageFile, type ImageFilesystem } from '../../src/index.js';

/** Runs a CLI the oracle needs; a missing tool fails the test with the package to install, it is never skipped. */
export function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is required for the oracle test (Debian package "${tool}")`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const line = (path: string, type: string, mode: number, size: number | '-', target = ''): string =>
  `${path}\t${type}\t${mode.toString(8).padStart(4, '0')}\t${size}\t${target}`;
const implicitLine = (path: string): string => `${path}\tdir (implicit)`;

/** A hard link as the unpacked file it becomes: the entry it links to (followed through links of links). */
function linkedFile(fs: ImageFilesystem, file: ImageFile): ImageFile | null {
  let current: ImageFile | undefined = file;
  for (let hop = 0; current?.type === 'hardlink' && hop < 16; hop += 1) current = fs.files.get(current.linkTarget ?? '');
  return current && current.type !== 'hardlink' ? current : null;
}

/**
 * The reader's final filesystem as `path type mode size target` lines. Hard links are listed as the file they share an
 * inode with; symlink modes are 0777 (Linux ignores them); directories that no entry declares are marked implicit.
 */
export function readerListing(fs: ImageFilesystem): { lines: string[]; implicit: Set<string> } {
  const lines: string[] = [];
  const implicit = new Set<string>();
  for (const file of fs.files.values()) {
    const shown = file.type === 'hardlink' ? linkedFile(fs, file) : file;
    if (!shown) lines.push(`${file.path}\thardlink to a missing file ${file.linkTarget}`);
    else if (shown.type === 'file') lines.push(line(file.path, 'file', shown.mode, shown.size));
    else if (shown.type === 'symlink') lines.push(line(file.path, 'symlink', 0o777, '-', shown.linkTarget ?? ''));
    else lines.push(line(file.path, shown.type, shown.mode, '-'));
    for (let parent = file.path.slice(0, file.path.lastIndexOf('/')); parent !== ''; parent = parent.slice(0, parent.lastIndexOf('/'))) {
      if (fs.files.has(parent) || implicit.has(parent)) continue;
      implicit.add(parent);
      lines.push(implicitLine(parent));
    }
  }
  return { lines: lines.sort(), implicit };
}

const TYPES: [(info: Stats) => boolean, string][] = [
  [(i) => i.isFile(), 'file'],
  [(i) => i.isDirectory(), 'dir'],
  [(i) => i.isSymbolicLink(), 'symlink'],
  [(i) => i.isCharacterDevice(), 'char'],
  [(i) => i.isBlockDevice(), 'block'],
  [(i) => i.isFIFO(), 'fifo'],
];

/** The same listing of an unpacked rootfs (lstat, never following links); uid/gid are left out (see README). */
export function rootfsListing(rootfs: string, implicit: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const path = `${prefix}/${name}`;
      const info = lstatSync(full);
      const type = TYPES.find(([test]) => test(info))?.[1] ?? 'other';
      if (type === 'dir' && implicit.has(path)) lines.push(implicitLine(path));
      else if (type === 'file') lines.push(line(path, type, info.mode & 0o7777, info.size));
      else if (type === 'symlink') lines.push(line(path, type, 0o777, '-', readlinkSync(full)));
      else lines.push(line(path, type, info.mode & 0o7777, '-'));
      if (type === 'dir') walk(full, path);
    }
  };
  walk(rootfs, '');
  return lines.sort();
}
