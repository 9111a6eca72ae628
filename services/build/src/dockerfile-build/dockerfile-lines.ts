/** One instruction of a Dockerfile, its continuation lines joined. */
export interface DockerfileInstruction {
  /** Upper-cased keyword (FROM, ARG, COPY, …). */
  keyword: string;
  /** Everything after the keyword, continuation lines joined by a space. */
  rest: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;

/** The escape character from the parser directives at the top (`# escape=``), default backslash. */
function escapeCharOf(lines: string[]): string {
  let escape = '\\';
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line.trim());
    // directives end at the first line that is not one (comments, blank lines, instructions)
    if (!directive || !line.trim().startsWith('#')) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  return escape;
}

/**
 * Splits a Dockerfile into instructions the way BuildKit and buildah do: comment lines are dropped (also inside a
 * continuation), a line ending in the escape character continues on the next one, blank lines are skipped.
 */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const escape = escapeCharOf(lines);
  const instructions: DockerfileInstruction[] = [];
  let current: { parts: string[]; line: number } | null = null;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = trimmed.endsWith(escape);
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    if (current) current.parts.push(part);
    else current = { parts: [part], line: index + 1 };
    if (continues) return;
    const joined = current.parts.filter((p) => p !== '').join(' ');
    const match = /^(\S+)\s*(.*)$/.exec(joined);
    if (match) instructions.push({ keyword: (match[1] ?? '').toUpperCase(), rest: match[2] ?? '', line: current.line });
    current = null;
  });
  if (current) {
    const pending = current as { parts: string[]; line: number };
    const match = /^(\S+)\s*(.*)$/.exec(pending.parts.join(' '));
    if (match) instructions.push({ keyword: (match[1] ?? '').toUpperCase(), rest: match[2] ?? '', line: pending.line });
  }
  return instructions;
}

/** Splits the arguments of an instruction on whitespace, honouring single and double quotes. */
export function splitWords(rest: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let started = false;
  for (const char of rest) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || word !== '') words.push(word);
      word = '';
      started = false;
    } else word += char;
  }
  if (started || word !== '') words.push(word);
  return words;
}
