import { type Stage } from '../parse/dockerfile-model.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { flagsOf, hasArg, operands, type ShellCommand } from '../shell/commands.js';
import { type CheckContext, hasCacheMount, report, type RunInStage, runsOf, signature, stageKey } from './check-context.js';
import { checkMissingFlag } from './missing-flag.js';
import { appendToScript } from './script-edits.js';

const APT = ['apt-get', 'apt', 'aptitude'];
const LISTS_CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** DL3015, DL3008 and DL3009 over every RUN (and ONBUILD RUN) of every stage. */
export function checkApt(ctx: CheckContext): void {
  const baseNames = new Set(ctx.model.stages.flatMap((s) => (s.parent?.name ? [s.parent.name] : [])));
  const last = ctx.model.stages[ctx.model.stages.length - 1];
  for (const stage of ctx.model.stages) {
    for (const run of runsOf(ctx, stage)) {
      checkRecommends(ctx, stage, run);
      checkPinned(ctx, stage, run);
      // Hadolint only counts the lists of stages that ship: the last one and those another stage builds on.
      if (!run.onbuild && (stage === last || (stage.name !== null && baseNames.has(stage.name)))) checkLists(ctx, stage, run);
    }
  }
}

function isAptGetInstall(command: ShellCommand): boolean {
  return hasArg(command, ['apt-get'], 'install');
}

function checkRecommends(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  checkMissingFlag(ctx, stage, run, {
    ruleId: ID.aptNoInstallRecommends,
    title: 'apt-get install without --no-install-recommends',
    matches: isAptGetInstall,
    satisfied: (command) => flagsOf(command).includes('no-install-recommends') || command.args.some((a) => a.value === 'APT::Install-Recommends=false'),
    after: 'install',
    insert: ' --no-install-recommends',
  });
}

function checkPinned(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  const unpinned = run.scripts
    .flatMap((s) => s.shell.commands)
    .filter(isAptGetInstall)
    .flatMap((c) => operands(c, ['t', 'target-release', 'o', 'option']).map((w) => w.value))
    .filter((p) => p !== 'install' && !p.includes('=') && !p.includes('/') && !p.endsWith('.deb'));
  if (unpinned.length === 0) return;
  report(ctx, {
    ruleId: ID.aptUnpinned,
    title: `apt-get install without versions: ${unpinned.slice(0, 5).join(', ')}${unpinned.length > 5 ? ', …' : ''}`,
    at: run.at,
    key: [stageKey(stage), signature(run.run)],
    details: { stage: stage.name, packages: unpinned.join(' ').slice(0, 200) },
  });
}

function checkLists(ctx: CheckContext, stage: Stage, run: RunInStage): void {
  const commands = run.scripts.flatMap((s) => s.shell.commands);
  if (!commands.some((c) => APT.some((apt) => hasArg(c, [apt], 'update')))) return;
  const cleans = commands.some((c) => c.name.value === 'rm' && c.args.some((a) => a.value.startsWith('/var/lib/apt/lists')));
  const mounted = hasCacheMount(run.run, '/var/lib/apt/lists') || (hasCacheMount(run.run, '/var/lib/apt') && hasCacheMount(run.run, '/var/cache/apt'));
  if (cleans || mounted) return;
  // Cleaning a RUN that only updates would break the install of a later RUN: only a RUN that also installs is patched.
  const installs = commands.some((c) => APT.some((apt) => hasArg(c, [apt], 'install')));
  const script = run.scripts[run.scripts.length - 1];
  const edit = installs && script ? appendToScript(ctx, script, LISTS_CLEANUP) : null;
  report(ctx, {
    ruleId: ID.aptListsNotRemoved,
    title: 'apt-get update leaves /var/lib/apt/lists in the layer',
    at: run.at,
    key: [stageKey(stage), signature(run.run)],
    details: { stage: stage.name },
    ...(installs ? {} : { remediation: `Run apt-get update in the same RUN as apt-get install and end that RUN with \`&& ${LISTS_CLEANUP}\`.` }),
    edits: edit ? [edit] : null,
  });
}
