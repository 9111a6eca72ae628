import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The shared read-only corpora: DHI_CORPORA_DIR, or ../shared/corpora beside the repository (as @dhi/testing does). */
export function corporaDir(): string {
  const dir = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
  if (!existsSync(resolve(dir, 'versions'))) {
    throw new Error(`test corpora not found at ${dir}: set DHI_CORPORA_DIR to the shared/corpora directory`);
  }
  return dir;
}

/** The `a<TAB>b<TAB>sign` lines of versions/<name>.tsv. */
export function readVectors(name: string): { a: string; b: string; expected: number; line: number }[] {
  const text = readFileSync(resolve(corporaDir(), 'versions', `${name}.tsv`), 'utf8');
  return text
    .split('\n')
    .map((row, i) => ({ row, line: i + 1 }))
    .filter(({ row }) => row !== '')
    .map(({ row, line }) => {
      const [a, b, sign] = row.split('\t');
      return { a: a!, b: b!, expected: Number(sign), line };
    });
}

/** Reads a file of the corpora as UTF-8. */
export function readCorpusFile(...parts: string[]): string {
  return readFileSync(resolve(corporaDir(), ...parts), 'utf8');
}

/** One OSV record of the corpora, JSON or YAML by extension. */
export function readOsvRecord<T = unknown>(...parts: string[]): T {
  const text = readCorpusFile('osv', ...parts);
  return (parts[parts.length - 1]!.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as T;
}
