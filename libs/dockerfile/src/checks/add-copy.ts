import { type Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { type CheckContext, report, signature, stageKey } from './check-context.js';

/** Hadolint's archive suffixes: ADD of these unpacks them, which COPY would not. */
const ARCHIVES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);
const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

/**
 * DL3020: ADD of a local file or folder (not an archive to unpack, not a URL; Git sources count as remote too) where
 * COPY does the same; and COPY/ADD of the whole build context when the context has no .dockerignore.
 */
export function checkAddCopy(ctx: CheckContext): void {
  for (const stage of ctx.model.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ADD' && keyword !== 'COPY') continue;
      const sources = sourcesOf(instruction);
      const flags = instruction instanceof ModifiableInstruction ? instruction.getFlags().map((f) => f.getName()) : [];
      const key = [stageKey(stage), signature(instruction)];
      if (keyword === 'ADD' && sources.some((s) => !isArchive(s) && !REMOTE.test(s))) {
        const local = sources.every((s) => !isArchive(s) && !REMOTE.test(s)) && !flags.some((f) => ADD_ONLY_FLAGS.has(f));
        const range = instruction.getInstructionRange();
        const { source } = ctx.model;
        const written = instruction.getInstruction();
        report(ctx, {
          ruleId: ID.addInsteadOfCopy,
          title: `ADD of local files: ${sources.join(', ').slice(0, 120)}`,
          at: instruction,
          key,
          details: { stage: stage.name },
          edits: local ? [{ start: source.offsetOf(range.start), end: source.offsetOf(range.end), text: written === written.toLowerCase() ? 'copy' : 'COPY' }] : null,
        });
      }
      if (ctx.options.dockerignore === false && !flags.includes('from')) {
        const whole = sources.find((s) => WHOLE_CONTEXT.has(s));
        if (whole !== undefined) {
          report(ctx, {
            ruleId: ID.copyContextWithoutDockerignore,
            title: `${keyword} ${whole} copies the whole build context, and there is no .dockerignore`,
            at: instruction,
            key,
            details: { stage: stage.name, source: whole },
          });
        }
      }
    }
  }
}

/** The sources of ADD/COPY (every argument but the last), from the shell-like or the JSON form, quotes removed. */
export function sourcesOf(instruction: Instruction): string[] {
  const args = instruction.getArguments().map((a) => a.getValue());
  const raw = args.join(' ').trim();
  if (raw.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list) && list.every((s) => typeof s === 'string')) return (list as string[]).slice(0, -1);
    } catch {
      // Not JSON after all: Docker then reads it in the shell-like form too.
    }
  }
  return args.slice(0, -1).map(dropQuotes);
}

function dropQuotes(value: string): string {
  return value.replace(/^["']+|["']+$/g, '');
}

function isArchive(source: string): boolean {
  return ARCHIVES.some((suffix) => source.endsWith(suffix));
}
