import { lineKey, splitLines, type TextLines } from './text-lines.js';

/** Lines `start` (inclusive) to `end` (exclusive), 0-based, replaced by `lines`. */
export interface LineEdit {
  start: number;
  end: number;
  lines: readonly string[];
}

export interface DiffOptions {
  /** The file's path relative to the build context; the headers are `a/<path>` and `b/<path>` (apply with `-p1`). */
  path?: string;
  context?: number;
}

const NO_EOL = '\\ No newline at end of file';

/** The unified diff that replaces a range of `original`'s lines with new lines; null when nothing changes. */
export function createUnifiedDiff(original: string, edit: LineEdit, options: DiffOptions = {}): string | null {
  const old = splitLines(original);
  if (edit.start < 0 || edit.end < edit.start || edit.end > old.lines.length) {
    throw new RangeError(`line range ${edit.start}-${edit.end} is outside a text of ${old.lines.length} lines`);
  }
  const lines = [...old.lines.slice(0, edit.start), ...edit.lines, ...old.lines.slice(edit.end)];
  return diffLines(old, { lines, finalNewline: old.finalNewline }, options);
}

/** The unified diff from one text to another as a single hunk around the changed lines; null when they are equal. */
export function diffTexts(oldText: string, newText: string, options: DiffOptions = {}): string | null {
  return diffLines(splitLines(oldText), splitLines(newText), options);
}

function diffLines(old: TextLines, next: TextLines, { path = 'Dockerfile', context = 3 }: DiffOptions): string | null {
  const oldLen = old.lines.length;
  const newLen = next.lines.length;
  let prefix = 0;
  while (prefix < oldLen && prefix < newLen && lineKey(old, prefix) === lineKey(next, prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < oldLen - prefix &&
    suffix < newLen - prefix &&
    lineKey(old, oldLen - 1 - suffix) === lineKey(next, newLen - 1 - suffix)
  ) {
    suffix++;
  }
  if (prefix === oldLen && prefix === newLen) return null;

  const from = Math.max(0, prefix - context);
  const after = Math.min(suffix, context);
  const oldTo = oldLen - suffix;
  const newTo = newLen - suffix;
  const body: string[] = [];
  const emit = (mark: string, text: TextLines, index: number): void => {
    body.push(mark + text.lines[index]);
    if (index === text.lines.length - 1 && !text.finalNewline) body.push(NO_EOL);
  };
  for (let i = from; i < prefix; i++) emit(' ', old, i);
  for (let i = prefix; i < oldTo; i++) emit('-', old, i);
  for (let i = prefix; i < newTo; i++) emit('+', next, i);
  for (let i = 0; i < after; i++) emit(' ', old, oldTo + i);

  const oldCount = oldTo - from + after;
  const newCount = newTo - from + after;
  const range = (count: number): string => `${count === 0 ? from : from + 1},${count}`;
  return [`--- a/${path}`, `+++ b/${path}`, `@@ -${range(oldCount)} +${range(newCount)} @@`, ...body, ''].join('\n');
}
