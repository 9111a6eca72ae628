import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

// libs/testing/src in the sources, dist/libs/testing/src once compiled: the repository root is where libs/ is
const ABOVE_LIBS = resolve(__dirname, '../../..');
const REPO_ROOT = basename(ABOVE_LIBS) === 'dist' ? dirname(ABOVE_LIBS) : ABOVE_LIBS;

/** The shared read-only test corpora: DHI_CORPORA_DIR, or ../shared/corpora beside the repository. */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(REPO_ROOT, '../shared/corpora');
  if (!existsSync(resolve(dir, 'images'))) {
    throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  }
  return dir;
}
