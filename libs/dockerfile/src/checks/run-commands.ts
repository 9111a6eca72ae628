import { type Stage } from '../parse/dockerfile-model.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { type ShellCommand, unwrap } from '../shell/commands.js';
import { type CheckContext, report, type RunInStage, runsOf, signature, stageKey } from './check-context.js';

const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh', 'mksh', 'busybox', 'python', 'python3', 'perl', 'ruby']);
const DOWNLOADERS = new Set(['curl', 'wget']);
const SUBSTITUTED_DOWNLOAD = /(?:\$\(|`|<\()\s*(?:curl|wget)\b/;

/** DL3004 (sudo) and downloaded scripts run unverified (`curl … | sh`, `sh -c "$(curl …)"`), per RUN. */
export function checkRunCommands(ctx: CheckContext): void {
  for (const stage of ctx.model.stages) {
    for (const run of runsOf(ctx, stage)) {
      const commands = run.scripts.flatMap((s) => s.shell.commands);
      if (commands.some((c) => c.name.value === 'sudo')) {
        report(ctx, { ruleId: ID.sudo, title: 'sudo in RUN', at: run.at, key: [stageKey(stage), signature(run.run)], details: { stage: stage.name } });
      }
      checkPipeToShell(ctx, stage, run, commands);
    }
  }
}

function checkPipeToShell(ctx: CheckContext, stage: Stage, run: RunInStage, commands: ShellCommand[]): void {
  const downloader = commands.find(
    (c) =>
      (DOWNLOADERS.has(unwrap(c).name.value) && commands.some((d) => d.pipeline === c.pipeline && d.position > c.position && runsInterpreter(d))) ||
      (runsInterpreter(c) && c.args.some((a) => SUBSTITUTED_DOWNLOAD.test(a.value))),
  );
  if (!downloader) return;
  report(ctx, {
    ruleId: ID.curlPipeShell,
    title: 'A script downloaded at build time is run without verification',
    at: run.at,
    key: [stageKey(stage), signature(run.run)],
    details: { stage: stage.name },
  });
}

/** Whether a command is an interpreter, directly or through a wrapper (`sudo sh`, `env bash`). */
function runsInterpreter(command: ShellCommand): boolean {
  const name = unwrap(command).name.value;
  return INTERPRETERS.has(name.split('/').pop() ?? name);
}
