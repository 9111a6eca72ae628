import { gzipSync } from 'node:zlib';
import { tarEntries } from '@dhi/testing';

/** One entry of a test build context; `content` for files, `target` for links. */
export interface ContextFile {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device';
  content?: string | Buffer;
  target?: string;
  mode?: number;
}

/** A build context tar (gzip'd when asked) with exactly these entries, in this order: hostile ones included. */
export async function contextTar(files: ContextFile[], options: { gzip?: boolean } = {}): Promise<Buffer> {
  const archive = await tarEntries(files.map((file) => ({ name: file.name, type: file.type, data: file.content, linkname: file.target, mode: file.mode })));
  return options.gzip ? gzipSync(archive) : archive;
}

/** A context holding only a Dockerfile with these lines. */
export function dockerfileContext(lines: string[], extra: ContextFile[] = []): Promise<Buffer> {
  return contextTar([{ name: 'Dockerfile', content: `${lines.join('\n')}\n` }, ...extra]);
}

/** A small gzip'd context that decompresses to `bytes` zeros: a compression bomb. */
export function gzipBombContext(bytes: number): Promise<Buffer> {
  return contextTar([{ name: 'Dockerfile', content: 'FROM scratch\n' }, { name: 'zeros', content: Buffer.alloc(bytes) }], { gzip: true });
}
