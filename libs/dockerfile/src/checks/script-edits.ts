import { type TextEdit } from '../patch/text-edits.js';
import { type Word } from '../shell/lexer.js';
import { type RunScript, wordRange } from '../shell/run-script.js';
import { type CheckContext } from './check-context.js';

const DANGLING = new Set(['&&', '||', '|', '|&', '&', ';;', '(', '<', '>', '>>', '<<', '<<-', '<<<']);

/** An edit inserting `text` right after a word of a script, when the word is written in one piece. */
export function insertAfterWord(script: RunScript, word: Word, text: string): TextEdit | null {
  const range = wordRange(script, word);
  return range ? { start: range.end, end: range.end, text } : null;
}

/** An edit replacing a plain word (no quotes, escapes or continuation inside) of a script. */
export function replaceWord(ctx: CheckContext, script: RunScript, word: Word, text: string): TextEdit | null {
  const range = wordRange(script, word);
  if (!range || ctx.model.source.text.slice(range.start, range.end) !== word.value) return null;
  return { ...range, text };
}

/**
 * An edit running `command` after everything else in a script: `&& command` after its last token (before a trailing
 * comment), or a new line before a here-document's closing delimiter. Null when the script ends in a dangling operator.
 */
export function appendToScript(ctx: CheckContext, script: RunScript, command: string): TextEdit | null {
  const { source } = ctx.model;
  if (script.heredocEndLine !== undefined) {
    const at = source.lineStart(script.heredocEndLine);
    return { start: at, end: at, text: `${command}${source.eol}` };
  }
  if (!script.offsets) return null;
  const tokens = script.shell.tokens.filter((t) => t.kind === 'word' || t.op !== '\n');
  const last = tokens[tokens.length - 1];
  if (!last || (last.kind === 'op' && DANGLING.has(last.op))) return null;
  const end = last.kind === 'word' ? last.word.end : last.end;
  const at = script.offsets[end - 1] + 1;
  return { start: at, end: at, text: last.kind === 'op' && last.op === ';' ? ` ${command}` : ` && ${command}` };
}
