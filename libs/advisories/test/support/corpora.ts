import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared read-only corpora (DHI_CORPORA_DIR or ../shared/corpora beside the repository). */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
  if (!existsSync(join(dir, 'osv')) || !existsSync(join(dir, 'debian'))) {
    throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  }
  return dir;
}
