import { type Stage } from '../parse/dockerfile-model.js';
import { type TextEdit } from '../patch/text-edits.js';
import { DOCKERFILE_RULE_IDS as ID, type DockerfileRuleId } from '../rules/rule-ids.js';
import { operands, unwrap } from '../shell/commands.js';
import { type CheckContext, report, type RunInStage, runsOf, signature, stageKey } from './check-context.js';
import { replaceWord } from './script-edits.js';

const NUMERIC = /^[0-7]{1,4}$/;
const CLAUSE = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/;

interface ModeVerdict {
  worldWritable: boolean;
  setuid: boolean;
  /** The mode without world/group write (755 for 777, 644 for 666), when it can be written mechanically. */
  withoutWrite: string | null;
  /** The mode without setuid/setgid (0755 for 4755, u-s for u+s). */
  withoutSetuid: string | null;
}

/**
 * chmod granting write to everyone (777, 666, o+w, a+w; a sticky-bit mode such as 1777 for a shared /tmp is fine)
 * and chmod setting setuid/setgid (4755, u+s). Numeric fixes drop the group and other write bits (777 becomes 755,
 * which keeps directories and executables usable), and the setuid/setgid bits (4755 becomes 0755, u+s becomes u-s).
 */
export function checkChmod(ctx: CheckContext): void {
  for (const stage of ctx.model.stages) for (const run of runsOf(ctx, stage)) checkRun(ctx, stage, run);
}

function checkRun(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  const found = { writable: [] as string[], setuid: [] as string[] };
  const edits = { writable: [] as (TextEdit | null)[], setuid: [] as (TextEdit | null)[] };
  for (const script of run.scripts) {
    for (const command of script.shell.commands.map(unwrap)) {
      if (command.name.value !== 'chmod') continue;
      const mode = operands(command, ['reference'])[0];
      if (!mode) continue;
      const verdict = judgeMode(mode.value);
      if (verdict.worldWritable) {
        found.writable.push(mode.value);
        edits.writable.push(verdict.withoutWrite === null ? null : replaceWord(ctx, script, mode, verdict.withoutWrite));
      }
      if (verdict.setuid) {
        found.setuid.push(mode.value);
        edits.setuid.push(verdict.withoutSetuid === null ? null : replaceWord(ctx, script, mode, verdict.withoutSetuid));
      }
    }
  }
  const emit = (ruleId: DockerfileRuleId, modes: string[], list: (TextEdit | null)[], title: string): void => {
    if (modes.length === 0) return;
    const complete = list.every((e): e is TextEdit => e !== null);
    report(ctx, { ruleId, title: `${title}: chmod ${modes.join(', ')}`, at: run.at, key: [stageKey(stage), signature(run.run)], details: { stage: stage.name, mode: modes.join(',') }, edits: complete ? list : null });
  };
  emit(ID.chmodWorldWritable, found.writable, edits.writable, 'Files made world-writable');
  emit(ID.chmodSetuid, found.setuid, edits.setuid, 'setuid/setgid bit set');
}

/** What a chmod mode argument grants. */
export function judgeMode(mode: string): ModeVerdict {
  if (NUMERIC.test(mode)) {
    const bits = parseInt(mode, 8);
    const width = Math.max(mode.length, 3);
    const octal = (n: number): string => n.toString(8).padStart(width, '0');
    const worldWritable = (bits & 0o002) !== 0 && (bits & 0o1000) === 0;
    return { worldWritable, setuid: (bits & 0o6000) !== 0, withoutWrite: octal(bits & ~0o022), withoutSetuid: octal(bits & ~0o6000) };
  }
  const clauses = mode.split(',').map((c) => CLAUSE.exec(c));
  if (clauses.some((c) => c === null)) return { worldWritable: false, setuid: false, withoutWrite: null, withoutSetuid: null };
  let worldWritable = false;
  let setuid = false;
  for (const [, who, actions] of clauses as RegExpExecArray[]) {
    for (const [, op, perms] of actions.matchAll(/([-+=])([rwxXst]*)/g)) {
      if (op === '-') continue;
      if (perms.includes('w') && (who.includes('o') || who.includes('a'))) worldWritable = true;
      if (perms.includes('s') && (who === '' || /[uga]/.test(who))) setuid = true;
    }
  }
  const simpleSetuid = /^([ugoa]*\+s)(,[ugoa]*\+s)*$/.test(mode);
  return { worldWritable, setuid, withoutWrite: null, withoutSetuid: simpleSetuid ? mode.replaceAll('+s', '-s') : null };
}
