/** One challenge of a `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`. */
export interface AuthChallenge {
  /** Lower-cased: `basic`, `bearer`, … */
  scheme: string;
  /** Parameter names lower-cased, values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const SPACE = /[ \t]*/y;
const SEPARATORS = /[ \t,]*/y;

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  skip(pattern: RegExp): void {
    pattern.lastIndex = this.pos;
    if (pattern.exec(this.text)) this.pos = pattern.lastIndex;
  }

  token(): string | null {
    TOKEN.lastIndex = this.pos;
    const match = TOKEN.exec(this.text);
    if (!match) return null;
    this.pos = TOKEN.lastIndex;
    return match[0];
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  quoted(): string {
    let value = '';
    for (this.pos += 1; this.pos < this.text.length; this.pos += 1) {
      const char = this.text[this.pos];
      if (char === '"') {
        this.pos += 1;
        return value;
      }
      if (char === '\\' && this.pos + 1 < this.text.length) this.pos += 1;
      value += this.text[this.pos];
    }
    return value;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }
}

/** Parses the auth-params after a scheme, stopping where the next challenge's scheme starts. */
function readParams(scanner: Scanner): Record<string, string> {
  const params: Record<string, string> = {};
  for (;;) {
    const start = scanner.pos;
    scanner.skip(SEPARATORS);
    const name = scanner.token();
    scanner.skip(SPACE);
    if (name === null || scanner.peek() !== '=') {
      scanner.pos = start;
      return params;
    }
    scanner.pos += 1;
    scanner.skip(SPACE);
    params[name.toLowerCase()] = scanner.peek() === '"' ? scanner.quoted() : (scanner.token() ?? '');
  }
}

/** Parses a `WWW-Authenticate` header (RFC 7235), which may hold several challenges; unparsable text ends the list. */
export function parseAuthChallenges(header: string | null | undefined): AuthChallenge[] {
  if (!header) return [];
  const scanner = new Scanner(header);
  const challenges: AuthChallenge[] = [];
  while (!scanner.done) {
    scanner.skip(SEPARATORS);
    const scheme = scanner.token();
    if (scheme === null) break;
    challenges.push({ scheme: scheme.toLowerCase(), params: readParams(scanner) });
  }
  return challenges;
}
