import { CONTENT_FORMATS } from './content-formats.js';
import { KeywordIndex } from './keyword-index.js';
import { redactSecret, secretFingerprint } from './redaction.js';
import { isDocumentationExample } from './doc-examples.js';
import { type ScanContext, type SecretFormat } from './secret-format.js';
import { type Candidate, type SecretMatch, settleOverlaps } from './secret-match.js';

/** Which formats run and which values are never reported. */
export interface ScanTextOptions {
  /** Secrets never reported: an exact value, or a pattern the secret matches. */
  allowValues?: readonly (string | RegExp)[];
  /** Rule ids that do not run. */
  disabledRules?: readonly string[];
  /** When given, only these rule ids run. */
  onlyRules?: readonly string[];
  /** The text is program source: the generic rule then only takes quoted values (see `isSourceCodePath`). */
  sourceCode?: boolean;
}

// longer than any match a format can make (its quantifiers are bounded), so a match never straddles a cut
export const MAX_MATCH_CHARS = 20 * 1024;
const WINDOW = MAX_MATCH_CHARS + 1024;
const BATCH = 64 * 1024;
// lookbehind assertions look back one character; the margin keeps it well inside the retained text
const LOOKBEHIND = 64;
const MAX_MATCHES_PER_TEXT = 1000;
const SECRET_GROUPS = ['secret', 'quoted', 'bare'];

const indexes = new Map<string, KeywordIndex>();

function indexFor(options: ScanTextOptions): KeywordIndex {
  const only = options.onlyRules ? new Set(options.onlyRules) : null;
  const disabled = new Set(options.disabledRules ?? []);
  const formats = CONTENT_FORMATS.filter((format) => (!only || only.has(format.id)) && !disabled.has(format.id));
  const key = formats.map((format) => format.id).join(',');
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new KeywordIndex(formats)));
  return index;
}

function secretOf(match: RegExpExecArray): { secret: string; index: number } {
  for (const name of SECRET_GROUPS) {
    const value = match.groups?.[name];
    const span = match.indices?.groups?.[name];
    if (value !== undefined && span) return { secret: value, index: span[0] };
  }
  return { secret: match[0], index: match.index };
}

function isExample(format: SecretFormat, secret: string): boolean {
  const examples = format.examples;
  if (isDocumentationExample(secret)) return true;
  if (!examples) return false;
  return examples instanceof RegExp ? examples.test(secret) : examples.includes(secret);
}

/**
 * Finds secrets in text fed piece by piece, holding only a window: text is scanned in batches, a match is taken once its
 * start is a full window before the end of what has arrived, and every format resumes where its last match ended, so
 * the result does not depend on how the text was cut. Lines and columns are counted across pieces.
 */
export class SecretScanner {
  private buf = '';
  private bufStart = 0;
  private line = 1;
  private lineStart = 0;
  private scanFrom = 0;
  private newlines: number[] | null = null;
  private readonly resume = new Map<string, number>();
  private readonly candidates: Candidate[] = [];
  private readonly index: KeywordIndex;
  private readonly context: ScanContext;
  private truncated = false;

  /** `latin1` when each character is one byte of a file: fingerprints then hash the original bytes. */
  constructor(
    private readonly options: ScanTextOptions = {},
    private readonly encoding: 'utf8' | 'latin1' = 'utf8',
  ) {
    this.index = indexFor(options);
    this.context = { sourceCode: options.sourceCode === true };
  }

  push(text: string): void {
    this.buf += text;
    if (this.buf.length >= WINDOW + BATCH) this.scan(false);
  }

  /** Scans what is left; `truncated` when more than 1000 matches were found (the rest are dropped). */
  end(): { matches: SecretMatch[]; truncated: boolean } {
    this.scan(true);
    return { matches: settleOverlaps(this.candidates), truncated: this.truncated };
  }

  private scan(final: boolean): void {
    const limit = final ? Infinity : this.bufStart + this.buf.length - WINDOW;
    const from = this.scanFrom - this.bufStart;
    this.newlines = null;
    for (const format of this.index.formatsIn(this.buf, from)) {
      const re = format.pattern;
      re.lastIndex = Math.max(from, (this.resume.get(format.id) ?? 0) - this.bufStart);
      for (let match = re.exec(this.buf); match !== null; match = re.exec(this.buf)) {
        const start = this.bufStart + match.index;
        if (start >= limit) break;
        this.resume.set(format.id, start + Math.max(1, match[0].length));
        if (match[0].length === 0) re.lastIndex += 1;
        this.consider(format, match, start);
      }
    }
    if (!final) this.cut(limit - LOOKBEHIND);
  }

  private consider(format: SecretFormat, match: RegExpExecArray, start: number): void {
    const { secret, index } = secretOf(match);
    if (format.accept && !format.accept(secret, match, this.context)) return;
    const canonical = format.canonical ? format.canonical(secret) : secret;
    if (isExample(format, canonical) || this.isAllowed(canonical)) return;
    if (this.candidates.length >= MAX_MATCHES_PER_TEXT) {
      this.truncated = true;
      return;
    }
    const offset = format.reportAtMatch ? start : this.bufStart + index;
    const keyword = format.keywordOf?.(match);
    this.candidates.push({
      start,
      end: start + match[0].length,
      priority: format.priority,
      match: {
        ruleId: format.id,
        ...this.position(offset),
        offset,
        redacted: redactSecret(canonical),
        fingerprint: secretFingerprint(canonical, this.encoding),
        ...(keyword ? { keyword } : {}),
      },
    });
  }

  private isAllowed(secret: string): boolean {
    return (this.options.allowValues ?? []).some((allowed) => (typeof allowed === 'string' ? allowed === secret : allowed.test(secret)));
  }

  private position(offset: number): { line: number; column: number } {
    if (!this.newlines) {
      this.newlines = [];
      for (let at = this.buf.indexOf('\n'); at !== -1; at = this.buf.indexOf('\n', at + 1)) this.newlines.push(at);
    }
    const relative = offset - this.bufStart;
    let low = 0;
    for (let high = this.newlines.length; low < high; ) {
      const mid = (low + high) >>> 1;
      if (this.newlines[mid] < relative) low = mid + 1;
      else high = mid;
    }
    const lineStart = low > 0 ? this.bufStart + this.newlines[low - 1] + 1 : this.lineStart;
    return { line: this.line + low, column: offset - lineStart + 1 };
  }

  /** Drops the text before `offset`, counting its lines. */
  private cut(offset: number): void {
    const count = offset - this.bufStart;
    for (let at = this.buf.indexOf('\n'); at !== -1 && at < count; at = this.buf.indexOf('\n', at + 1)) {
      this.line += 1;
      this.lineStart = this.bufStart + at + 1;
    }
    this.buf = this.buf.slice(count);
    this.bufStart = offset;
    this.scanFrom = offset + LOOKBEHIND;
    this.newlines = null;
  }
}

/** Finds secrets in a string (file content, an ENV value, a label, a history `created_by`). */
export function scanText(text: string, options?: ScanTextOptions): SecretMatch[] {
  const scanner = new SecretScanner(options);
  scanner.push(text);
  return scanner.end().matches;
}
