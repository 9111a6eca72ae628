import { type Dockerfile, DockerfileParser, type From, type Instruction, type Property } from 'dockerfile-ast';
import { type DockerfileError, dockerfileError } from '../dockerfile-error.js';
import { SourceText } from './source-text.js';
import { expandVariables } from './variables.js';

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** The stage's name (`AS name`), lower-cased as Docker compares names. */
  name: string | null;
  /** The base image after global ARG substitution; null when it depends on a variable without a value. */
  image: string | null;
  /** The earlier stage this one builds on (`FROM builder`). */
  parent: Stage | null;
  instructions: Instruction[];
}

/** An ARG before the first FROM: the only variables FROM lines see. */
export interface GlobalArg {
  value: string | null;
  property: Property;
  /** Whether a build argument replaced the default. */
  overridden: boolean;
}

export interface DockerfileModel {
  source: SourceText;
  ast: Dockerfile;
  escape: string;
  globalArgs: Map<string, GlobalArg>;
  stages: Stage[];
}

export interface ParseOptions {
  buildArgs?: Readonly<Record<string, string>>;
  maxBytes?: number;
}

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Parses a Dockerfile with dockerfile-ast into stages; `model` is null when the text is not a usable Dockerfile. */
export function parseDockerfile(text: string, options: ParseOptions = {}): { model: DockerfileModel | null; errors: DockerfileError[] } {
  const fatal = precheck(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (fatal) return { model: null, errors: [fatal] };
  let ast: Dockerfile;
  try {
    ast = DockerfileParser.parse(text);
  } catch (error) {
    return { model: null, errors: [dockerfileError('unparseable', `the parser failed: ${(error as Error).message}`)] };
  }
  const instructions = ast.getInstructions();
  const errors = instructions
    .filter((i) => !KEYWORDS.has(i.getKeyword()))
    .map((i) => dockerfileError('unknown_instruction', `unknown instruction ${JSON.stringify(i.getInstruction().slice(0, 40))}`, lineOf(i)));
  const first = instructions.find((i) => KEYWORDS.has(i.getKeyword()) && i.getKeyword() !== 'ARG');
  if (!first) return { model: null, errors: [...errors, dockerfileError('no_from', 'there is no FROM instruction')] };
  if (first.getKeyword() !== 'FROM') {
    const message = `the first instruction is ${first.getKeyword()}; a Dockerfile starts with FROM (after optional ARGs)`;
    return { model: null, errors: [...errors, dockerfileError('no_from', message, lineOf(first))] };
  }
  const globalArgs = globalArgsOf(ast, options.buildArgs ?? {});
  const lookup = (name: string): string | null | undefined => globalArgs.get(name)?.value;
  const escape = ast.getEscapeCharacter();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const raw = from.getImage();
      if (raw === null) errors.push(dockerfileError('from_without_image', 'FROM names no image', lineOf(from)));
      const image = raw === null ? null : expandVariables(raw, lookup, escape);
      const parent = image === null ? null : (stages.find((s) => s.name === image.toLowerCase()) ?? null);
      stages.push({ index: stages.length, from, name: from.getBuildStage()?.toLowerCase() ?? null, image, parent, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { model: { source: new SourceText(text), ast, escape, globalArgs, stages }, errors };
}

/** The stages the final image is made of, the base-most first: the last stage and the stages it builds on by name. */
export function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  for (let stage: Stage | null = model.stages[model.stages.length - 1]; stage; stage = stage.parent) chain.unshift(stage);
  return chain;
}

/** The 1-based line an instruction starts on. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

function precheck(text: string, maxBytes: number): DockerfileError | null {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return dockerfileError('too_large', `the Dockerfile is larger than ${maxBytes} bytes`);
  if (text.includes('\u0000')) return dockerfileError('binary', 'the Dockerfile contains NUL bytes; it is not a text file');
  if (/\r(?!\n)/.test(text)) return dockerfileError('line_endings', 'the Dockerfile has carriage returns that do not end a line');
  return null;
}

function globalArgsOf(ast: Dockerfile, buildArgs: Readonly<Record<string, string>>): Map<string, GlobalArg> {
  const args = new Map<string, GlobalArg>();
  for (const arg of ast.getInitialARGs()) {
    for (const property of arg.getProperties()) {
      const name = property.getName();
      const overridden = Object.hasOwn(buildArgs, name);
      args.set(name, { value: overridden ? buildArgs[name] : property.getValue(), property, overridden });
    }
  }
  return args;
}
