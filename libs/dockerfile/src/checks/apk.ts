import { type Stage } from '../parse/dockerfile-model.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { flagsOf, hasArg, operands } from '../shell/commands.js';
import { type CheckContext, hasCacheMount, report, type RunInStage, runsOf, signature, stageKey } from './check-context.js';
import { checkMissingFlag } from './missing-flag.js';

/** DL3019 and DL3018 over every RUN (and ONBUILD RUN) of every stage. */
export function checkApk(ctx: CheckContext): void {
  for (const stage of ctx.model.stages) {
    for (const run of runsOf(ctx, stage)) {
      checkNoCache(ctx, stage, run);
      checkPinned(ctx, stage, run);
    }
  }
}

function checkNoCache(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  if (hasCacheMount(run.run, '/var/cache/apk')) return;
  checkMissingFlag(ctx, stage, run, {
    ruleId: ID.apkNoCache,
    title: 'apk add without --no-cache',
    matches: (command) => hasArg(command, ['apk'], 'add'),
    satisfied: (command) => flagsOf(command).includes('no-cache'),
    after: 'add',
    insert: ' --no-cache',
  });
}

function checkPinned(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  const unpinned = run.scripts
    .flatMap((s) => s.shell.commands)
    .filter((c) => hasArg(c, ['apk'], 'add'))
    .flatMap((c) => operands(c, ['t', 'virtual', 'repository', 'X']).map((w) => w.value))
    .filter((p) => p !== 'add' && !/[=~<>]/.test(p) && !p.endsWith('.apk'));
  if (unpinned.length === 0) return;
  report(ctx, {
    ruleId: ID.apkUnpinned,
    title: `apk add without versions: ${unpinned.slice(0, 5).join(', ')}${unpinned.length > 5 ? ', …' : ''}`,
    at: run.at,
    key: [stageKey(stage), signature(run.run)],
    details: { stage: stage.name, packages: unpinned.join(' ').slice(0, 200) },
  });
}
