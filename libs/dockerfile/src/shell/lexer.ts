/** A shell word: its value with quotes and escapes removed (expansions kept as written) and its raw span `[start, end)`. */
export interface Word {
  value: string;
  start: number;
  end: number;
}

export type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string; start: number; end: number };

/** The tokens of a script and, separately, of every command substitution (`$(…)`, backticks, `<(…)`) inside it. */
export interface LexedScript {
  tokens: Token[];
  nested: LexedScript[];
}

const OPERATORS = ['&&', '||', ';;', '|&', '&>>', '&>', '>>', '<<<', '<<-', '<<', '>&', '<&', '>|', '<>', '|', '&', ';', '(', ')', '<', '>'];

/**
 * Splits POSIX shell text into words and operators, the way `sh` would before running it. Not an interpreter:
 * expansions stay as written, and here-documents opened with `<<` are skipped as data.
 */
export function lexShell(src: string, from = 0, to = src.length): LexedScript {
  return new Lexer(src, from, to).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private readonly nested: LexedScript[] = [];
  private value: string | null = null;
  private start = 0;
  private end = 0;
  private heredocNext: 'plain' | 'strip' | null = null;
  private readonly heredocs: { delimiter: string; strip: boolean }[] = [];

  constructor(
    private readonly src: string,
    private i: number,
    private readonly to: number,
  ) {}

  run(): LexedScript {
    const { src } = this;
    while (this.i < this.to) {
      const c = src[this.i];
      if (c === ' ' || c === '\t' || c === '\r') {
        this.flush();
        this.i++;
      } else if (c === '\n') {
        this.flush();
        this.tokens.push({ kind: 'op', op: '\n', start: this.i, end: this.i + 1 });
        this.i++;
        this.skipHeredocBodies();
      } else if (c === '#' && this.value === null) {
        while (this.i < this.to && src[this.i] !== '\n') this.i++;
      } else if (c === '\\') {
        if (src[this.i + 1] === '\n') this.i += 2;
        else this.append(src[this.i + 1] ?? '', this.i, Math.min(this.i + 2, this.to));
      } else if (c === "'") {
        const close = this.find("'", this.i + 1);
        this.append(src.slice(this.i + 1, close), this.i, Math.min(close + 1, this.to));
      } else if (c === '"') {
        this.doubleQuoted();
      } else if (c === '$' || c === '`') {
        const end = this.expansion(this.i);
        this.append(src.slice(this.i, end), this.i, end);
      } else if ((c === '<' || c === '>') && src[this.i + 1] === '(' && this.value === null) {
        const end = this.group(this.i + 1, true);
        this.append(src.slice(this.i, end), this.i, end);
      } else {
        const op = OPERATORS.find((o) => src.startsWith(o, this.i) && this.i + o.length <= this.to);
        if (op) this.operator(op);
        else this.append(c, this.i, this.i + 1);
      }
    }
    this.flush();
    return { tokens: this.tokens, nested: this.nested };
  }

  private append(text: string, rawStart: number, rawEnd: number): void {
    if (this.value === null) {
      this.value = '';
      this.start = rawStart;
    }
    this.value += text;
    this.end = rawEnd;
    this.i = rawEnd;
  }

  private flush(): void {
    if (this.value === null) return;
    const word = { value: this.value, start: this.start, end: this.end };
    this.tokens.push({ kind: 'word', word });
    if (this.heredocNext) this.heredocs.push({ delimiter: word.value, strip: this.heredocNext === 'strip' });
    this.heredocNext = null;
    this.value = null;
  }

  private operator(op: string): void {
    // A file descriptor number glued to a redirection (`2>`) belongs to the operator, not to a word.
    if ((op[0] === '<' || op[0] === '>') && this.value !== null && /^\d+$/.test(this.value)) this.value = null;
    this.flush();
    this.tokens.push({ kind: 'op', op, start: this.i, end: this.i + op.length });
    if (op === '<<' || op === '<<-') this.heredocNext = op === '<<-' ? 'strip' : 'plain';
    this.i += op.length;
  }

  private doubleQuoted(): void {
    const { src } = this;
    const open = this.i;
    let k = open + 1;
    let text = '';
    while (k < this.to && src[k] !== '"') {
      if (src[k] === '\\' && k + 1 < this.to) {
        const next = src[k + 1];
        if (next !== '\n') text += '$`"\\'.includes(next) ? next : `\\${next}`;
        k += 2;
      } else if (src[k] === '$' || src[k] === '`') {
        const end = this.expansion(k);
        text += src.slice(k, end);
        k = end;
      } else {
        text += src[k++];
      }
    }
    this.append(text, open, Math.min(k + 1, this.to));
  }

  /** The end of the expansion at `at` (`$name`, `${…}`, `$(…)`, `$((…))`, backticks); substitutions are lexed too. */
  private expansion(at: number): number {
    const { src } = this;
    if (src[at] === '`') {
      let k = at + 1;
      while (k < this.to && src[k] !== '`') k += src[k] === '\\' ? 2 : 1;
      this.nested.push(lexShell(src, at + 1, Math.min(k, this.to)));
      return Math.min(k + 1, this.to);
    }
    const next = src[at + 1];
    if (next === '(') return this.group(at + 1, src[at + 2] !== '(');
    if (next === '{') {
      let depth = 0;
      for (let k = at + 1; k < this.to; k++) {
        if (src[k] === '{') depth++;
        else if (src[k] === '}' && --depth === 0) return k + 1;
        else if (src[k] === '\\') k++;
      }
      return this.to;
    }
    const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(src.slice(at + 1, this.to));
    return at + 1 + (name ? name[0].length : 0);
  }

  /** The end of the parenthesised group opening at `open`, lexing its inside as a script when `isCommand`. */
  private group(open: number, isCommand: boolean): number {
    const { src } = this;
    let depth = 0;
    let k = open;
    for (; k < this.to; k++) {
      const c = src[k];
      if (c === '\\') k++;
      else if (c === "'") k = this.find("'", k + 1);
      else if (c === '"') k = this.find('"', k + 1);
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    const close = Math.min(k, this.to);
    if (isCommand) this.nested.push(lexShell(src, open + 1, close));
    return Math.min(close + 1, this.to);
  }

  private find(quote: string, from: number): number {
    for (let k = from; k < this.to; k++) {
      if (this.src[k] === quote) return k;
      if (quote === '"' && this.src[k] === '\\') k++;
    }
    return this.to;
  }

  private skipHeredocBodies(): void {
    for (const { delimiter, strip } of this.heredocs.splice(0)) {
      while (this.i < this.to) {
        const nl = this.src.indexOf('\n', this.i);
        const lineEnd = nl < 0 || nl > this.to ? this.to : nl;
        const line = this.src.slice(this.i, lineEnd).replace(/\r$/, '');
        this.i = Math.min(lineEnd + 1, this.to);
        if ((strip ? line.replace(/^\t+/, '') : line) === delimiter) break;
      }
    }
  }
}
