import { dockerfileInstructions, splitWords } from './dockerfile-lines.js';

/** An image a Dockerfile needs from outside the build: a FROM base, or a COPY/ADD/RUN --mount `from=` source. */
export interface ImageUse {
  /** The reference after ARG substitution. */
  reference: string;
  /** As written, e.g. `FROM ${BASE}` at line 3, for messages. */
  instruction: string;
  line: number;
}

/** Expands `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}` from the given values (unset gives ""). */
export function expandArgs(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = values.get(name);
    if (op === '-') return value === undefined || value === '' ? (word ?? '') : value;
    if (op === '+') return value === undefined || value === '' ? '' : (word ?? '');
    return value ?? '';
  });
}

/** `ARG A=1 B` → [[A, "1"], [B, undefined]]. */
function argDeclarations(rest: string): [string, string | undefined][] {
  return splitWords(rest).map((word) => {
    const at = word.indexOf('=');
    return at < 0 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
  });
}

function flagValue(words: string[], flag: string): string | undefined {
  const prefix = `--${flag}=`;
  return words.find((word) => word.toLowerCase().startsWith(prefix))?.slice(prefix.length);
}

/** The `from=` of each `--mount=` flag of a RUN (bind and cache mounts can read from another image). */
function mountSources(words: string[]): string[] {
  return words
    .filter((word) => word.toLowerCase().startsWith('--mount='))
    .flatMap((word) => word.slice('--mount='.length).split(','))
    .filter((option) => option.toLowerCase().startsWith('from='))
    .map((option) => option.slice('from='.length));
}

/**
 * Every image a Dockerfile takes from outside itself. Global ARGs (before the first FROM) are expanded with the build
 * arguments overriding their defaults, as buildah does; `scratch` and references to earlier stages (by name or index)
 * are left out.
 */
export function externalImages(dockerfile: string, buildArgs: Readonly<Record<string, string>>): ImageUse[] {
  const globals = new Map<string, string>();
  const stages: string[] = [];
  const uses: ImageUse[] = [];
  let stageCount = 0;
  const isStage = (ref: string): boolean => stages.includes(ref.toLowerCase()) || (/^\d+$/.test(ref) && Number(ref) < stageCount);
  const use = (reference: string, instruction: string, line: number): void => {
    if (reference.toLowerCase() === 'scratch' || isStage(reference)) return;
    uses.push({ reference, instruction, line });
  };
  for (const { keyword, rest, line } of dockerfileInstructions(dockerfile)) {
    if (keyword === 'ARG' && stageCount === 0) {
      for (const [name, fallback] of argDeclarations(rest)) {
        const value = Object.hasOwn(buildArgs, name) ? buildArgs[name] : fallback === undefined ? undefined : expandArgs(fallback, globals);
        if (value !== undefined) globals.set(name, value);
      }
    } else if (keyword === 'FROM') {
      const words = splitWords(rest).filter((word) => !word.startsWith('--'));
      const reference = expandArgs(words[0] ?? '', globals);
      use(reference, `FROM ${words[0] ?? ''}`, line);
      if (words[1]?.toLowerCase() === 'as' && words[2]) stages.push(words[2].toLowerCase());
      stageCount += 1;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const from = flagValue(splitWords(rest), 'from');
      if (from !== undefined) use(expandArgs(from, globals), `${keyword} --from=${from}`, line);
    } else if (keyword === 'RUN') {
      for (const from of mountSources(splitWords(rest))) use(expandArgs(from, globals), `RUN --mount from=${from}`, line);
    }
  }
  return uses;
}
