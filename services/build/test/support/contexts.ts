import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';

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
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const file of files) {
    const type = file.type ?? 'file';
    const content = type === 'file' ? Buffer.from(file.content ?? '') : Buffer.alloc(0);
    await new Promise<void>((resolve, reject) =>
      pack.entry(
        { name: file.name, type, mode: file.mode ?? (type === 'directory' ? 0o755 : 0o644), linkname: file.target, size: content.length, mtime: new Date(0) },
        content,
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }
  pack.finalize();
  await done;
  const archive = Buffer.concat(chunks);
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
