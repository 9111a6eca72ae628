import { type CheckContext } from './checks/check-context.js';
import { appendToStage, isRoot } from './checks/user.js';
import { type DockerfileError, dockerfileError } from './dockerfile-error.js';
import { finalChain, parseDockerfile } from './parse/dockerfile-model.js';
import { diffForEdits } from './patch/text-edits.js';

export interface SuggestRunOptions {
  path?: string;
  buildArgs?: Readonly<Record<string, string>>;
}

/**
 * A patch running one shell command as root at the end of the final stage, for fixes found in the built image
 * (`chmod u-s /usr/bin/newgrp`). When the final stage switched to a non-root USER, the patch switches to root for the
 * command and back to that USER after it, so the image's user does not change.
 */
export function suggestRunPatch(dockerfile: string, command: string, options: SuggestRunOptions = {}): { patch: string } | { error: DockerfileError } {
  if (command.trim() === '' || /[\r\n]/.test(command)) return { error: dockerfileError('unparseable', 'the command must be one non-empty line') };
  const { model, errors } = parseDockerfile(dockerfile, options);
  if (!model) return { error: errors[0] };
  const ctx: CheckContext = { model, options: {}, path: options.path ?? 'Dockerfile', hits: [] };
  const chain = finalChain(model);
  const users = chain.flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'USER');
  const last = users[users.length - 1];
  const lastValue = last?.getExpandedArguments()[0]?.getValue();
  const lines = last && lastValue !== undefined && !isRoot(lastValue) ? ['USER root', `RUN ${command}`, `USER ${last.getRawArgumentsContent()}`] : [`RUN ${command}`];
  const patch = diffForEdits(dockerfile, [appendToStage(ctx, chain[chain.length - 1], lines.join(model.source.eol))], ctx.path);
  return patch ? { patch } : { error: dockerfileError('unparseable', 'no change to suggest') };
}
