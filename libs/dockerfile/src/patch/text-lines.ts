/** A text as its lines (without `\n`; a `\r` of CRLF stays part of the line) and whether the last line ends with `\n`. */
export interface TextLines {
  lines: string[];
  finalNewline: boolean;
}

/** Splits a text on `\n` only, as Docker's own Dockerfile reader does. */
export function splitLines(text: string): TextLines {
  if (text === '') return { lines: [], finalNewline: false };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** The inverse of `splitLines`. */
export function joinLines({ lines, finalNewline }: TextLines): string {
  if (lines.length === 0) return '';
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

/** A line of a text compared with its end: the last line without a newline differs from the same line with one. */
export function lineKey(text: TextLines, index: number): string {
  const noEol = index === text.lines.length - 1 && !text.finalNewline;
  return noEol ? `${text.lines[index]}\u0000` : text.lines[index];
}
