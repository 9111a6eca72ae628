import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared read-only corpora (DHI_CORPORA_DIR or ../shared/corpora beside the repository). */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
  if (!existsSync(join(dir, 'images'))) {
    throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  }
  return dir;
}

/** The `[rootfs]` / `[rootfs @N]` sections of an expected listing, as lines `mode\tsize\tpath\ttarget`. */
export function expectedRootfs(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const header = /^\[rootfs(?: (@\d+|:[^\]]+|\(untagged\)))?\]$/.exec(line);
    if (header) {
      current = [];
      sections.set(header[1] ?? '', current);
    } else if (line.startsWith('[')) {
      current = null;
    } else if (current && line.trim() !== '') {
      current.push(line);
    }
  }
  return sections;
}
