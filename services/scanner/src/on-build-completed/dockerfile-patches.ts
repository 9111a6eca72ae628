import { type CheckHit } from '@dhi/checks';
import { applyUnifiedDiff, diffTexts, suggestRunPatch } from '@dhi/dockerfile';

/** The Dockerfile a build came from, as build.completed carries it. */
export interface BuildDockerfile {
  text: string;
  path: string;
}

const isUnifiedDiff = (patch: string): boolean => patch.startsWith('--- ');

/** An instruction line of an image-level check as a diff against the Dockerfile; undefined when it cannot be one. */
function asDiff(dockerfile: BuildDockerfile, line: string): string | undefined {
  const run = /^RUN\s+(.+)$/.exec(line.trim());
  if (run) {
    const suggested = suggestRunPatch(dockerfile.text, run[1]!, { path: dockerfile.path });
    return 'patch' in suggested ? suggested.patch : undefined;
  }
  // USER, LABEL, HEALTHCHECK: appended to the final stage, which is the end of the file
  const separator = dockerfile.text === '' || dockerfile.text.endsWith('\n') ? '' : '\n';
  return diffTexts(dockerfile.text, `${dockerfile.text}${separator}${line.trim()}\n`, { path: dockerfile.path }) ?? undefined;
}

/**
 * Patches as the findings publish them: with a Dockerfile, every patch is a unified diff that applies cleanly to it
 * (instruction lines of image-level checks are turned into one, a diff that does not apply is dropped rather than
 * published); without one, instruction lines stay as they are, a suggestion to add.
 */
export function resolvePatches(hits: readonly CheckHit[], dockerfile: BuildDockerfile | null): CheckHit[] {
  return hits.map((hit) => {
    if (!hit.patch) return hit;
    if (!dockerfile) return isUnifiedDiff(hit.patch) ? { ...hit, patch: null } : hit;
    const diff = isUnifiedDiff(hit.patch) ? hit.patch : asDiff(dockerfile, hit.patch);
    const applies = diff !== undefined && applyUnifiedDiff(dockerfile.text, diff).ok;
    return { ...hit, patch: applies ? diff : null };
  });
}
