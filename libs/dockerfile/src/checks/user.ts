import { type Instruction } from 'dockerfile-ast';
import { finalChain, type Stage } from '../parse/dockerfile-model.js';
import { type TextEdit } from '../patch/text-edits.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { operands, unwrap } from '../shell/commands.js';
import { type CheckContext, report, runsOf } from './check-context.js';

/** The UID:GID a patch switches to when the Dockerfile creates no user: distroless's `nonroot`, needing no passwd entry. */
export const DEFAULT_NON_ROOT_USER = '65532:65532';

const USER_VALUE_FLAGS = ['b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z', 'base-dir', 'comment', 'home-dir', 'home', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'root', 'prefix', 'shell', 'uid', 'firstuid', 'lastuid', 'ingroup', 'gecos', 'conf', 'selinux-user'];
const USER_NAME = /^[a-z_][a-z0-9_.-]*\$?$/i;

/**
 * DL3002 for the image that ships: the last USER of the final stage, following `FROM <stage>` to the stages it builds
 * on, is root; or no stage of that chain sets a USER at all.
 */
export function checkUser(ctx: CheckContext): void {
  const chain = finalChain(ctx.model);
  const final = chain[chain.length - 1];
  let last: { user: Instruction; stage: Stage } | null = null;
  for (const stage of chain) for (const i of stage.instructions) if (i.getKeyword() === 'USER') last = { user: i, stage };
  const target = createdUser(ctx, chain) ?? DEFAULT_NON_ROOT_USER;
  if (last === null) {
    report(ctx, {
      ruleId: ID.userMissing,
      title: 'The final stage never sets a USER, so the image runs as its base image\'s user (usually root)',
      at: final.from,
      key: ['final-image'],
      details: { user: null, suggestedUser: target },
      edits: [appendToStage(ctx, final, `USER ${target}`)],
    });
    return;
  }
  const value = last.user.getExpandedArguments()[0]?.getValue() ?? '';
  if (!isRoot(value)) return;
  const replace = last.stage === final && !final.instructions.slice(final.instructions.indexOf(last.user)).some((i) => i.getKeyword() === 'RUN');
  const range = last.user.getArgumentsRange();
  const edit: TextEdit =
    replace && range
      ? { start: ctx.model.source.offsetOf(range.start), end: ctx.model.source.offsetOf(range.end), text: target }
      : appendToStage(ctx, final, `USER ${target}`);
  report(ctx, {
    ruleId: ID.userRoot,
    title: `The final image runs as root (USER ${value})`,
    at: last.user,
    key: ['final-image'],
    details: { user: value, suggestedUser: target, inherited: last.stage !== final },
    edits: [edit],
  });
}

/** Hadolint's reading of a root USER: `root`, `0`, or either with a group. */
export function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

/** An edit adding a line after the last instruction of a stage. */
export function appendToStage(ctx: CheckContext, stage: Stage, line: string): TextEdit {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const { source } = ctx.model;
  const at = source.lineEnd(last.getRange().end.line);
  return { start: at, end: at, text: `${source.eol}${line}` };
}

/** The last non-root user a RUN of the chain creates with useradd/adduser, which the final image therefore has. */
function createdUser(ctx: CheckContext, chain: Stage[]): string | null {
  let found: string | null = null;
  for (const stage of chain) {
    for (const { scripts } of runsOf(ctx, stage).filter((r) => !r.onbuild)) {
      for (const command of scripts.flatMap((s) => s.shell.commands.map(unwrap))) {
        if (command.name.value !== 'useradd' && command.name.value !== 'adduser') continue;
        const name = operands(command, USER_VALUE_FLAGS)[0]?.value;
        if (name && USER_NAME.test(name) && name !== 'root') found = name;
      }
    }
  }
  return found;
}
