import * as tar from 'tar-stream';
import { tarEntries } from './layer-entries.js';

export interface FixtureFile {
  /** Path inside the image (`/etc/passwd` or `etc/passwd`); a trailing `/` makes a directory. */
  path: string;
  content?: string | Buffer;
  mode?: number;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  linkTarget?: string;
  uid?: number;
  gid?: number;
}

/** A raw tar entry, for archives that are not layers (image archive metadata and blobs). */
export interface RawEntry {
  name: string;
  data: Buffer | string;
}

// fixed, so the same spec always gives the same digests
const EPOCH = new Date(0);
const TAR_TYPES = { file: 'file', dir: 'directory', symlink: 'symlink', hardlink: 'link' } as const;

async function pack(write: (pack: tar.Pack) => void): Promise<Buffer> {
  const stream = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  write(stream);
  stream.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A layer tar of the given files, with stable timestamps. */
export function layerTar(files: FixtureFile[]): Promise<Buffer> {
  return tarEntries(
    files.map((file) => {
      const type = file.type ?? (file.path.endsWith('/') ? 'dir' : 'file');
      const name = file.path.replace(/^\/+/, '').replace(/\/+$/, '') || '.';
      return {
        name: type === 'dir' ? `${name}/` : name,
        type: TAR_TYPES[type],
        data: file.content,
        mode: file.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
        uid: file.uid,
        gid: file.gid,
        linkname: type === 'symlink' || type === 'hardlink' ? (file.linkTarget ?? '') : undefined,
      };
    }),
  );
}

/** A tar of raw entries (an image archive's own files). */
export function archiveTar(entries: RawEntry[]): Promise<Buffer> {
  return pack((stream) => {
    for (const entry of entries) stream.entry({ name: entry.name, mode: 0o644, mtime: EPOCH }, entry.data);
  });
}
