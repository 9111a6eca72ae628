import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as tar from 'tar-stream';

function collect(root: string, dir: string, out: { name: string; dir: boolean; data?: Buffer }[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const rel = relative(root, full);
    if (lstatSync(full).isDirectory()) {
      out.push({ name: `${rel}/`, dir: true });
      collect(root, full, out);
    } else {
      out.push({ name: rel, dir: false, data: readFileSync(full) });
    }
  }
}

/** An OCI image layout directory as an in-memory tar (what `oci-archive` uploads are). */
export async function tarDirectory(root: string): Promise<Buffer> {
  const entries: { name: string; dir: boolean; data?: Buffer }[] = [];
  collect(root, root, entries);
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const entry of entries) {
    if (entry.dir) pack.entry({ name: entry.name, type: 'directory', mode: 0o755 });
    else pack.entry({ name: entry.name, mode: 0o644 }, entry.data as Buffer);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
