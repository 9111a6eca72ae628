import { type Stage } from '../parse/dockerfile-model.js';
import { type TextEdit } from '../patch/text-edits.js';
import { type DockerfileRuleId } from '../rules/rule-ids.js';
import { type ShellCommand } from '../shell/commands.js';
import { type CheckContext, report, type RunInStage, signature, stageKey } from './check-context.js';
import { insertAfterWord } from './script-edits.js';

/** A package-manager command that should carry a flag (`apk add --no-cache`, `apt-get install --no-install-recommends`). */
export interface MissingFlagRule {
  ruleId: DockerfileRuleId;
  title: string;
  /** The command concerned, e.g. `apk add`. */
  matches: (command: ShellCommand) => boolean;
  /** Whether the command already has the flag or an equivalent. */
  satisfied: (command: ShellCommand) => boolean;
  /** The word after which the flag is inserted (`add`, `install`) and the text inserted. */
  after: string;
  insert: string;
}

/** Reports a RUN whose matching commands lack the flag, with an edit inserting it when every occurrence can be patched. */
export function checkMissingFlag(ctx: CheckContext, stage: Stage, run: RunInStage, rule: MissingFlagRule): void {
  const edits: TextEdit[] = [];
  let found = 0;
  for (const script of run.scripts) {
    for (const command of script.shell.commands) {
      if (!rule.matches(command) || rule.satisfied(command)) continue;
      found++;
      const word = command.args.find((a) => a.value === rule.after);
      const edit = word ? insertAfterWord(script, word, rule.insert) : null;
      if (edit) edits.push(edit);
    }
  }
  if (found === 0) return;
  report(ctx, {
    ruleId: rule.ruleId,
    title: rule.title,
    at: run.at,
    key: [stageKey(stage), signature(run.run)],
    details: { stage: stage.name, onbuild: run.onbuild },
    edits: edits.length === found ? edits : null,
  });
}
