import { type LexedScript, lexShell, type Token, type Word } from './lexer.js';

/** A simple command: its name (leading `VAR=value` assignments and reserved words skipped) and its arguments. */
export interface ShellCommand {
  name: Word;
  /** Arguments in order, without redirections and their targets. */
  args: Word[];
  /** Commands joined by `|` share a pipeline id; `position` is the place in it. */
  pipeline: number;
  position: number;
}

/** A lexed script: every command in it, those inside substitutions included, and its top-level tokens. */
export interface ShellScript {
  commands: ShellCommand[];
  tokens: Token[];
}

const SEPARATORS = new Set(['&&', '||', ';', ';;', '&', '\n', '(', ')']);
const REDIRECTIONS = new Set(['&>>', '&>', '>>', '<<<', '<<-', '<<', '>&', '<&', '>|', '<>', '<', '>']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** Lexes shell text (a range of `src`) into its commands. */
export function parseShell(src: string, from = 0, to = src.length): ShellScript {
  const lexed = lexShell(src, from, to);
  const commands: ShellCommand[] = [];
  const counter = { pipeline: 0 };
  collect(lexed, commands, counter);
  return { commands, tokens: lexed.tokens };
}

function collect(lexed: LexedScript, out: ShellCommand[], counter: { pipeline: number }): void {
  let words: Word[] = [];
  let position = 0;
  let redirectTarget = false;
  const finish = (): void => {
    let start = 0;
    while (start < words.length && (RESERVED.has(words[start].value) || ASSIGNMENT.test(words[start].value))) start++;
    if (start < words.length) out.push({ name: words[start], args: words.slice(start + 1), pipeline: counter.pipeline, position: position++ });
    words = [];
  };
  for (const token of lexed.tokens) {
    if (token.kind === 'word') {
      if (!redirectTarget) words.push(token.word);
      redirectTarget = false;
    } else if (REDIRECTIONS.has(token.op)) {
      redirectTarget = true;
    } else if (token.op === '|' || token.op === '|&') {
      finish();
    } else if (SEPARATORS.has(token.op)) {
      finish();
      counter.pipeline++;
      position = 0;
    }
  }
  finish();
  counter.pipeline++;
  for (const inner of lexed.nested) collect(inner, out, counter);
}

/** Hadolint's reading of flags: `--name[=value]` gives `name`, `-abc` gives `a`, `b`, `c`; `-` and `--` are not flags. */
export function flagsOf(command: ShellCommand): string[] {
  return command.args.flatMap(({ value }) => {
    if (value === '-' || value === '--') return [];
    if (value.startsWith('--')) return [value.slice(2).split('=')[0]];
    if (value.startsWith('-')) return [...value.slice(1)];
    return [];
  });
}

/** Whether an argument is a flag in Hadolint's sense. */
export function isFlag(word: Word): boolean {
  return word.value.startsWith('-') && word.value !== '-' && word.value !== '--';
}

/** The arguments that are not flags, dropping the value that follows a flag of `valueFlags` written without `=`. */
export function operands(command: ShellCommand, valueFlags: readonly string[] = []): Word[] {
  const out: Word[] = [];
  let skipNext = false;
  for (const word of command.args) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (isFlag(word)) {
      const name = word.value.startsWith('--') ? word.value.slice(2) : word.value.slice(1);
      skipNext = !name.includes('=') && valueFlags.some((f) => name === f || (f.length === 1 && !word.value.startsWith('--') && name.endsWith(f)));
      continue;
    }
    out.push(word);
  }
  return out;
}

/** Whether the command is `name` with `arg` among its arguments (Hadolint's `cmdHasArgs`). */
export function hasArg(command: ShellCommand, names: readonly string[], arg: string): boolean {
  return names.includes(command.name.value) && command.args.some((a) => a.value === arg);
}

const WRAPPERS: Record<string, readonly string[]> = {
  sudo: ['u', 'g', 'C', 'D', 'h', 'p', 'r', 't', 'U', 'user', 'group', 'chdir', 'host', 'prompt', 'role', 'type', 'other-user'],
  env: ['u', 'C', 'S', 'unset', 'chdir', 'split-string'],
  nice: ['n', 'adjustment'],
  exec: ['a'],
  nohup: [],
  command: [],
};

/** The command a wrapper runs (`sudo chmod …` is a chmod, `env X=1 sh` is a sh); the command itself otherwise. */
export function unwrap(command: ShellCommand): ShellCommand {
  let current = command;
  for (let depth = 0; depth < 4 && Object.hasOwn(WRAPPERS, current.name.value); depth++) {
    const valueFlags = WRAPPERS[current.name.value];
    let i = 0;
    while (i < current.args.length) {
      const arg = current.args[i].value;
      if (arg === '--') {
        i++;
        break;
      }
      if (ASSIGNMENT.test(arg)) i++;
      else if (isFlag(current.args[i])) {
        const name = arg.replace(/^--?/, '');
        i += !name.includes('=') && valueFlags.some((f) => name === f || (f.length === 1 && !arg.startsWith('--') && name.endsWith(f))) ? 2 : 1;
      } else break;
    }
    if (i >= current.args.length) return current;
    current = { ...current, name: current.args[i], args: current.args.slice(i + 1) };
  }
  return current;
}
