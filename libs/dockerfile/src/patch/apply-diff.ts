import { joinLines, lineKey, splitLines, type TextLines } from './text-lines.js';

export type ApplyDiffResult =
  | { ok: true; text: string }
  | { ok: false; code: 'malformed_patch' | 'context_mismatch'; message: string };

interface Hunk {
  oldStart: number;
  oldLines: { text: string; noEol: boolean }[];
  newLines: { text: string; noEol: boolean }[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Applies a single-file unified diff to a text exactly (no fuzz, no offset), as the scanner does before publishing a patch. */
export function applyUnifiedDiff(text: string, patch: string): ApplyDiffResult {
  const parsed = parseHunks(patch);
  if (typeof parsed === 'string') return { ok: false, code: 'malformed_patch', message: parsed };
  const original = splitLines(text);
  const out: string[] = [];
  let finalNewline = original.finalNewline;
  let cursor = 0;
  for (const hunk of parsed) {
    const start = hunk.oldLines.length === 0 ? hunk.oldStart : hunk.oldStart - 1;
    if (start < cursor) return { ok: false, code: 'malformed_patch', message: 'hunks overlap or are out of order' };
    const mismatch = hunk.oldLines.findIndex((line, i) => !matches(original, start + i, line));
    if (start + hunk.oldLines.length > original.lines.length || mismatch >= 0) {
      const at = start + Math.max(mismatch, 0) + 1;
      return { ok: false, code: 'context_mismatch', message: `the hunk at line ${hunk.oldStart} does not match line ${at}` };
    }
    out.push(...original.lines.slice(cursor, start), ...hunk.newLines.map((l) => l.text));
    cursor = start + hunk.oldLines.length;
    if (cursor === original.lines.length && hunk.newLines.length > 0) finalNewline = !hunk.newLines[hunk.newLines.length - 1].noEol;
  }
  out.push(...original.lines.slice(cursor));
  return { ok: true, text: joinLines({ lines: out, finalNewline }) };
}

function matches(original: TextLines, index: number, line: { text: string; noEol: boolean }): boolean {
  if (index >= original.lines.length) return false;
  return lineKey(original, index) === (line.noEol ? `${line.text}\u0000` : line.text);
}

function parseHunks(patch: string): Hunk[] | string {
  const lines = patch.split('\n');
  let i = lines.findIndex((l) => l.startsWith('--- '));
  if (i < 0 || !lines[i + 1]?.startsWith('+++ ')) return 'no ---/+++ file header';
  i += 2;
  const hunks: Hunk[] = [];
  while (i < lines.length && lines[i] !== '') {
    const header = HUNK_HEADER.exec(lines[i]);
    if (!header) return lines[i].startsWith('--- ') ? 'the patch changes more than one file' : `unexpected line ${i + 1}`;
    const hunk: Hunk = { oldStart: Number(header[1]), oldLines: [], newLines: [] };
    let oldLeft = header[2] === undefined ? 1 : Number(header[2]);
    let newLeft = header[4] === undefined ? 1 : Number(header[4]);
    i++;
    let last: { text: string; noEol: boolean }[] = [];
    while (oldLeft > 0 || newLeft > 0 || lines[i]?.startsWith('\\')) {
      const line = lines[i];
      if (line === undefined) return `hunk at line ${hunk.oldStart} is truncated`;
      const mark = line[0] ?? ' ';
      const entry = { text: line.slice(1), noEol: false };
      if (mark === '\\') {
        for (const l of last) l.noEol = true;
      } else if (mark === ' ' && oldLeft > 0 && newLeft > 0) {
        const copy = { ...entry };
        hunk.oldLines.push(entry);
        hunk.newLines.push(copy);
        last = [entry, copy];
        oldLeft--;
        newLeft--;
      } else if (mark === '-' && oldLeft > 0) {
        hunk.oldLines.push(entry);
        last = [entry];
        oldLeft--;
      } else if (mark === '+' && newLeft > 0) {
        hunk.newLines.push(entry);
        last = [entry];
        newLeft--;
      } else {
        return `line ${i + 1} does not fit the hunk's line counts`;
      }
      i++;
    }
    hunks.push(hunk);
  }
  return hunks.length > 0 ? hunks : 'the patch has no hunk';
}
