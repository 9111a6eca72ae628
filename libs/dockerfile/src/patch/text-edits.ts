import { diffTexts } from './unified-diff.js';

/** Replace the characters `[start, end)` of a text (UTF-16 offsets) with `text`; `start === end` inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to a text; null when two edits overlap. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) return null;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The unified diff of a text's edits, against `path`; null when the edits overlap or change nothing. */
export function diffForEdits(text: string, edits: readonly TextEdit[], path: string): string | null {
  if (edits.length === 0) return null;
  const next = applyTextEdits(text, edits);
  return next === null ? null : diffTexts(text, next, { path });
}
