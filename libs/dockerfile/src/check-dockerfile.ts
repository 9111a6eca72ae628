import { type CheckHit } from '@dhi/checks';
import { checkAddCopy } from './checks/add-copy.js';
import { checkApk } from './checks/apk.js';
import { checkApt } from './checks/apt.js';
import { type CheckContext, type CheckDockerfileOptions } from './checks/check-context.js';
import { checkChmod } from './checks/chmod.js';
import { checkFrom } from './checks/from.js';
import { checkImageMetadata } from './checks/image-metadata.js';
import { checkRunCommands } from './checks/run-commands.js';
import { checkSecrets } from './checks/secrets.js';
import { checkUser } from './checks/user.js';
import { dockerfileError, formatDockerfileError } from './dockerfile-error.js';
import { parseDockerfile } from './parse/dockerfile-model.js';

export interface CheckDockerfileResult {
  hits: CheckHit[];
  /** Why the Dockerfile could not be (fully) checked, one `code: line N: message` per problem; never thrown. */
  errors: string[];
}

const CHECKS = [checkUser, checkFrom, checkApt, checkApk, checkRunCommands, checkChmod, checkAddCopy, checkSecrets, checkImageMetadata];

/** Runs every Dockerfile rule over the submitted text; each hit names its rule, line and, where mechanical, a patch. */
export function checkDockerfile(text: string, options: CheckDockerfileOptions = {}): CheckDockerfileResult {
  const { model, errors } = parseDockerfile(text, options);
  const messages = errors.map(formatDockerfileError);
  if (!model) return { hits: [], errors: messages };
  const ctx: CheckContext = { model, options, path: options.path ?? 'Dockerfile', hits: [] };
  for (const check of CHECKS) {
    try {
      check(ctx);
    } catch (error) {
      // One check tripping over an unusual Dockerfile must not hide the others' findings.
      messages.push(formatDockerfileError(dockerfileError('check_failed', `${check.name}: ${(error as Error).message}`)));
    }
  }
  return { hits: ctx.hits, errors: messages };
}
