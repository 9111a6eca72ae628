import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared read-only test corpora: DHI_CORPORA_DIR, or ../shared/corpora beside the repository. */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
  if (!existsSync(resolve(dir, 'secrets'))) {
    throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  }
  return dir;
}
