import { type Instruction, type Run } from 'dockerfile-ast';
import { type DockerfileModel } from '../parse/dockerfile-model.js';
import { type SourceText } from '../parse/source-text.js';
import { parseShell, type ShellScript } from './commands.js';
import { type Word } from './lexer.js';

/** A script a RUN hands to the shell, with the way back from its characters to the Dockerfile's. */
export interface RunScript {
  /** Continuations removed (shell form), a here-document's body, or the exec-form words. */
  text: string;
  /** The Dockerfile offset of each character of `text`; null for the exec form. */
  offsets: number[] | null;
  shell: ShellScript;
  /** For a here-document body, the 0-based line of its closing delimiter. */
  heredocEndLine?: number;
}

/** The shell scripts of a RUN (or ONBUILD RUN) instruction: one, or one per here-document it runs. */
export function runScripts(run: Instruction, model: DockerfileModel): RunScript[] {
  const args = run.getArguments();
  if (args.length === 0) return [];
  const { source, escape } = model;
  const start = source.offsetOf(args[0].getRange().start);
  const heredocs = 'getHeredocs' in run ? (run as Run).getHeredocs() : [];
  const firstLineEnd = heredocs.length > 0 ? source.lineEnd(heredocs[0].getStartRange().start.line) : source.offsetOf(run.getRange().end);
  const command = logicalText(source, start, firstLineEnd, escape);
  const exec = execWords(command.text);
  if (exec && heredocs.length === 0) return [{ text: command.text, offsets: null, shell: exec }];
  const script: RunScript = { ...command, shell: parseShell(command.text) };
  if (heredocs.length === 0 || script.shell.commands.length > 0) return [script];
  // `RUN <<EOF` alone runs each here-document's body with the shell.
  return heredocs.flatMap((heredoc) => {
    const content = heredoc.getContentRange();
    if (content === null) return [];
    const from = source.offsetOf(content.start);
    const text = source.text.slice(from, source.offsetOf(content.end));
    const end = heredoc.getDelimiterRange();
    const offsets = Array.from(text, (_, i) => from + i);
    return [{ text, offsets, shell: parseShell(text), ...(end ? { heredocEndLine: end.start.line } : {}) }];
  });
}

/** The Dockerfile range of a word, when it is written in one piece (no line continuation inside it). */
export function wordRange(script: RunScript, word: Word): { start: number; end: number } | null {
  if (!script.offsets || word.start < 0 || word.end <= word.start) return null;
  const start = script.offsets[word.start];
  const end = script.offsets[word.end - 1] + 1;
  return end - start === word.end - word.start ? { start, end } : null;
}

/** Removes `escape` + newline continuations and the comment or blank lines that follow them, keeping offsets. */
export function logicalText(source: SourceText, start: number, end: number, escape: string): { text: string; offsets: number[] } {
  const raw = source.text;
  let text = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const continuation = raw[i] === escape ? /^[ \t]*\r?\n/.exec(raw.slice(i + 1, Math.min(end, i + 200))) : null;
    if (!continuation) {
      text += raw[i];
      offsets.push(i++);
      continue;
    }
    i += 1 + continuation[0].length;
    for (let line = source.lineAt(i); i < end && line < source.lineCount; line++) {
      const content = source.lineText(line);
      if (content.trim() !== '' && !content.trimStart().startsWith('#')) break;
      i = line + 1 < source.lineCount ? source.lineStart(line + 1) : end;
    }
  }
  return { text, offsets };
}

function execWords(text: string): ShellScript | null {
  if (!text.trimStart().startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((w) => typeof w === 'string')) return null;
  const words = (parsed as string[]).map((value) => ({ value, start: -1, end: -1 }));
  return { commands: [{ name: words[0], args: words.slice(1), pipeline: 0, position: 0 }], tokens: [] };
}
