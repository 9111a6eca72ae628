import { type ImageFilesystem } from '../../src/index.js';

const TYPE_CHAR: Record<string, string> = { file: '-', hardlink: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p' };

/** `drwxr-xr-x` style, as `ls -l` and the expected listings write it. */
export function modeString(type: string, mode: number): string {
  const bits = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'].map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-'));
  const special = (index: number, flag: number, set: string) => {
    if (mode & flag) bits[index] = bits[index] === 'x' ? set : set.toUpperCase();
  };
  special(2, 0o4000, 's');
  special(5, 0o2000, 's');
  special(8, 0o1000, 't');
  return `${TYPE_CHAR[type] ?? '?'}${bits.join('')}`;
}

/** The final filesystem in the expected-listing format, sorted by path. */
export function rootfsListing(fs: ImageFilesystem): string[] {
  return [...fs.files.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    // a symlink's own permission bits mean nothing on Linux; ls always shows lrwxrwxrwx
    .map((f) => `${modeString(f.type, f.type === 'symlink' ? 0o777 : f.mode)}\t${f.type === 'file' ? f.size : '-'}\t${f.path.slice(1)}\t${f.type === 'symlink' ? f.linkTarget : ''}`);
}
