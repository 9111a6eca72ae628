/** A zero-based line/character position, as dockerfile-ast reports them. */
export interface Position {
  line: number;
  character: number;
}

/** The submitted Dockerfile text with offset/position conversions; lines are split on `\n` only, as Docker does. */
export class SourceText {
  private readonly lineStarts: number[] = [0];
  /** The line ending new lines get: the file's own (`\r\n` when its first line ends so). */
  readonly eol: string;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
    const first = text.indexOf('\n');
    this.eol = first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset of a position (its character counted in UTF-16 units, as dockerfile-ast and JavaScript do). */
  offsetOf(position: Position): number {
    const line = Math.min(position.line, this.lineStarts.length - 1);
    return Math.min(this.lineStarts[line] + position.character, this.lineEnd(line));
  }

  /** The zero-based line holding an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** The offset just past a line's content: before its `\r\n` or `\n`, or the end of the text. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const newline = this.lineStarts[line + 1] - 1;
    return newline > this.lineStarts[line] && this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}
