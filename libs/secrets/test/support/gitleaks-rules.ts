import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir } from './corpora.js';

/** One `[[rules]]` entry of gitleaks.toml, with its Go RE2 regex translated to a JS RegExp where it has one. */
export interface GitleaksRule {
  id: string;
  source: string | null;
  regex: RegExp | null;
  keywords: string[];
  /** A path-only rule (pkcs12-file) has no regex. */
  pathOnly: boolean;
}

/** RE2 → JS: inline `(?i)` becomes the `i` flag (wider, fine for "does gitleaks match this too"), `(?P<n>` → `(?<n>`. */
export function translateRe2(source: string): RegExp {
  const caseInsensitive = /\(\?i\)|\(\?i:/.test(source);
  const js = source
    .replace(/\(\?i\)/g, '')
    .replace(/\(\?-?i:/g, '(?:')
    .replace(/\(\?s:\.\)/g, '[\\s\\S]')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[\[:alnum:\]\]/g, '[A-Za-z0-9]')
    .replace(/\\z/g, '$');
  return new RegExp(js, caseInsensitive ? 'i' : '');
}

/** The rules of the gitleaks default configuration in the corpus (only the fields these tests need). */
export function gitleaksRules(): GitleaksRule[] {
  const toml = readFileSync(join(corporaDir(), 'secrets/gitleaks/gitleaks.toml'), 'utf8');
  return toml
    .split(/^\[\[rules\]\]$/m)
    .slice(1)
    .map((block) => {
      const id = /^id = "(.*)"$/m.exec(block)?.[1] ?? '';
      const source = /^regex = '''(.*)'''$/m.exec(block)?.[1] ?? null;
      const keywords = [...(/^keywords = \[([\s\S]*?)\]/m.exec(block)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]);
      return { id, source, regex: source === null ? null : translateRe2(source), keywords, pathOnly: source === null };
    });
}
