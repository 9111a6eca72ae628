import { type Stage } from '../parse/dockerfile-model.js';
import { isDigest, parseImageRef } from '../parse/image-ref.js';
import { type TextEdit } from '../patch/text-edits.js';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { type CheckContext, report, stageKey } from './check-context.js';

const WHOLE_VARIABLE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/**
 * DL3006 (no tag), DL3007 (`latest`) and pinning by digest, for every FROM of an image (not of `scratch` or an earlier
 * stage), with global ARGs replaced by their defaults or the build's arguments. One rule per FROM at most.
 */
export function checkFrom(ctx: CheckContext): void {
  for (const stage of ctx.model.stages) {
    const image = stage.image;
    if (stage.parent || image === null || image.toLowerCase() === 'scratch') continue;
    const ref = parseImageRef(image);
    if (ref.digest !== null) continue;
    const ruleId = ref.tag === null ? ID.fromUntagged : ref.tag === 'latest' ? ID.fromLatest : ID.fromNotPinned;
    const digest = ctx.options.resolveDigest?.(image);
    const edit = digest && isDigest(digest) ? digestEdit(ctx, stage, digest) : null;
    const title =
      ruleId === ID.fromUntagged
        ? `FROM ${image} names no tag, so it means latest`
        : ruleId === ID.fromLatest
          ? `FROM ${image} follows the latest tag`
          : `FROM ${image} is not pinned by digest`;
    report(ctx, {
      ruleId,
      title,
      at: stage.from,
      key: [stageKey(stage), image],
      details: { image, stage: stage.name, ...(edit ? { digest } : {}) },
      remediation: edit
        ? `Pin the base image by digest: FROM ${image}@${digest}.`
        : `Pin the base image by digest (FROM ${image}${ref.tag === null || ref.tag === 'latest' ? ':<release tag>' : ''}@sha256:<digest of the image you tested>).`,
      edits: edit ? [edit] : null,
    });
  }
}

/** Appends `@digest` to the image in FROM, or to the default of the global ARG that FROM is made of. */
function digestEdit(ctx: CheckContext, stage: Stage, digest: string): TextEdit | null {
  const { source, globalArgs } = ctx.model;
  const raw = stage.from.getImage() ?? '';
  const range = stage.from.getImageRange();
  if (!raw.includes('$') && range) {
    const at = source.offsetOf(range.end);
    return { start: at, end: at, text: `@${digest}` };
  }
  const match = WHOLE_VARIABLE.exec(raw);
  const arg = match ? globalArgs.get(match[1] ?? match[2]) : undefined;
  const valueRange = arg?.property.getValueRange();
  if (!arg || arg.overridden || !valueRange || arg.property.getValue() !== stage.image) return null;
  const start = source.offsetOf(valueRange.start);
  const end = source.offsetOf(valueRange.end);
  const written = source.text.slice(start, end);
  const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0]);
  if ((quoted ? written.slice(1, -1) : written) !== stage.image) return null;
  const at = quoted ? end - 1 : end;
  return { start: at, end: at, text: `@${digest}` };
}
