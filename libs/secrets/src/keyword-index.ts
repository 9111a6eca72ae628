import { type SecretFormat } from './secret-format.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pre-filter: one case-insensitive pass over the text finds which formats' keywords occur, so only those formats'
 * patterns run. Keywords are searched at every position (a keyword inside a longer one counts too).
 */
export class KeywordIndex {
  private readonly search: RegExp;
  /** Keyword → the formats of that keyword and of every keyword it contains. */
  private readonly formatsOf = new Map<string, SecretFormat[]>();

  constructor(readonly formats: readonly SecretFormat[]) {
    const keywords = [...new Set(formats.flatMap((format) => format.keywords))];
    for (const keyword of keywords) {
      const owners = formats.filter((format) => format.keywords.some((other) => keyword.includes(other)));
      this.formatsOf.set(keyword, owners);
    }
    // longest first, so that at one position the longest keyword (whose entry covers the shorter ones) wins
    const alternatives = keywords.sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.search = new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'gi');
  }

  /** The formats (in catalog order) whose keywords occur in `text` at or after `from`. */
  formatsIn(text: string, from: number): SecretFormat[] {
    const found = new Set<SecretFormat>();
    this.search.lastIndex = from;
    for (let match = this.search.exec(text); match !== null; match = this.search.exec(text)) {
      for (const format of this.formatsOf.get(match[0].toLowerCase()) ?? []) found.add(format);
      if (found.size === this.formats.length) break;
      // overlapping keywords: "ab" then "bc" in "abc"
      this.search.lastIndex = match.index + 1;
    }
    return this.formats.filter((format) => found.has(format));
  }
}
