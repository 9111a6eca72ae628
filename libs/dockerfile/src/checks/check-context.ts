import { type CheckHit } from '@dhi/checks';
import { type Instruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import { type DockerfileModel, lineOf, type Stage } from '../parse/dockerfile-model.js';
import { diffForEdits, type TextEdit } from '../patch/text-edits.js';
import { type DockerfileRuleId } from '../rules/rule-ids.js';
import { runScripts, type RunScript } from '../shell/run-script.js';

/** What a credential detector reports for a text; the value itself never leaves the detector. */
export interface SecretMatch {
  ruleId: string;
  redacted: string;
  fingerprint: string;
}

export interface CheckDockerfileOptions {
  /** The Dockerfile's path in the build context: evidence path and patch headers (`a/<path>`). Default `Dockerfile`. */
  path?: string;
  /** Whether the build context has a .dockerignore; null or undefined when unknown. */
  dockerignore?: boolean | null;
  /** A credential detector run over each ARG/ENV `NAME=value`. */
  findSecrets?: (text: string) => readonly SecretMatch[];
  /** The digest to pin a base image reference (as written after ARG substitution) to, when the scanner knows it. */
  resolveDigest?: (image: string) => string | undefined;
  /** The build's `--build-arg` values: they replace global ARG defaults in FROM lines. */
  buildArgs?: Readonly<Record<string, string>>;
  /** Larger Dockerfiles are refused. Default 1 MiB. */
  maxBytes?: number;
}

export interface CheckContext {
  model: DockerfileModel;
  options: CheckDockerfileOptions;
  path: string;
  hits: CheckHit[];
}

export interface HitInput {
  ruleId: DockerfileRuleId;
  title: string;
  /** The instruction the finding points at (its first line is the evidence line). */
  at: Instruction;
  key: readonly string[];
  details?: Record<string, string | number | boolean | null>;
  remediation?: string;
  edits?: readonly TextEdit[] | null;
}

/** Records a hit with the evidence every Dockerfile finding carries, and its patch when the fix is mechanical. */
export function report(ctx: CheckContext, input: HitInput): void {
  const patch = input.edits && input.edits.length > 0 ? diffForEdits(ctx.model.source.text, input.edits, ctx.path) : null;
  ctx.hits.push({
    ruleId: input.ruleId,
    key: input.key,
    title: input.title,
    evidence: { path: ctx.path, line: lineOf(input.at), details: { instruction: input.at.getKeyword(), ...input.details } },
    ...(input.remediation ? { remediation: input.remediation } : {}),
    patch,
  });
}

/** A stage as findings name it: its name, else its position. */
export function stageKey(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`;
}

/** An instruction reduced to what identifies it across builds: keyword and arguments, whitespace collapsed. */
export function signature(instruction: Instruction): string {
  return [instruction.getKeyword(), ...instruction.getArguments().map((a) => a.getValue())].join(' ').slice(0, 500);
}

/** A RUN to check: the instruction (an ONBUILD trigger's RUN too), the line to report, and its scripts. */
export interface RunInStage {
  run: Instruction;
  /** The instruction the finding points at: the RUN, or the ONBUILD holding it. */
  at: Instruction;
  onbuild: boolean;
  scripts: RunScript[];
}

const NON_POSIX_SHELLS = new Set(['pwsh', 'powershell', 'cmd']);

/** The RUN instructions of a stage whose shell is POSIX (a SHELL of PowerShell or cmd stops the shell checks). */
export function runsOf(ctx: CheckContext, stage: Stage): RunInStage[] {
  const out: RunInStage[] = [];
  let posix = true;
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'SHELL') posix = isPosixShell(instruction);
    if (!posix) continue;
    if (keyword === 'RUN') out.push({ run: instruction, at: instruction, onbuild: false, scripts: runScripts(instruction, ctx.model) });
    const trigger = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null;
    if (trigger?.getKeyword() === 'RUN') out.push({ run: trigger, at: instruction, onbuild: true, scripts: runScripts(trigger, ctx.model) });
  }
  return out;
}

/** Whether a RUN mounts a cache or tmpfs at a target containing `fragment` (Hadolint's `hasCacheOrTmpfsMountWith`). */
export function hasCacheMount(run: Instruction, fragment: string): boolean {
  if (!(run instanceof ModifiableInstruction)) return false;
  return run.getFlags().some((flag) => {
    if (flag.getName() !== 'mount') return false;
    const options = new Map((flag.getValue() ?? '').split(',').map((o) => o.split('=') as [string, string | undefined]));
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
    return (options.get('type') === 'cache' || options.get('type') === 'tmpfs') && target.includes(fragment);
  });
}

function isPosixShell(shell: Instruction): boolean {
  try {
    const argv: unknown = JSON.parse(shell.getRawArgumentsContent() ?? '');
    const program = Array.isArray(argv) && typeof argv[0] === 'string' ? argv[0] : '';
    const name = program.split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
    return !NON_POSIX_SHELLS.has(name);
  } catch {
    return true;
  }
}
