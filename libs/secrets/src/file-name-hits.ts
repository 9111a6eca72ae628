import { type CheckHit } from '@dhi/checks';
import { type PathEvent } from '@dhi/image';
import { type SecretHitsInput } from './content-hits.js';
import { fileNameRuleOf, type FileNameRule } from './file-name-rules.js';
import { attribute, layerDetails, layerStory } from './layer-attribution.js';
import { type ResolvedScanOptions } from './scan-options.js';
import { capitalise, CHMOD_IS_NOT_ENOUGH, REBUILD } from './secret-rules.js';

/** Layers that wrote a non-empty regular file at the path (an empty file holds no secret). */
const writtenLayers = (events: readonly PathEvent[]): number[] =>
  [...new Set(events.filter((event) => event.type === 'file' && event.size > 0).map((event) => event.layerIndex))].sort((a, b) => a - b);

/**
 * Every written version was read as text and held nothing: the name alone proves nothing. Under a default path policy
 * only that policy's rules ran (the private-key rules in a certificate store): the policy's judgement stands.
 */
function contentCleared(rule: FileNameRule, path: string, layers: readonly number[], input: SecretHitsInput): boolean {
  if (rule.reportWithoutContentMatch) return false;
  const byLayer = input.inspections.get(path);
  return layers.every((layerIndex) => {
    const result = byLayer?.get(layerIndex);
    return result !== undefined && result.skipped === undefined && result.matches.length === 0;
  });
}

/**
 * Credential files by name, from every path any layer wrote (removed ones included), except allowlisted paths, paths
 * a content rule already reported (the content hit is the better one) and files whose content cleared them.
 */
export function fileNameHits(input: SecretHitsInput, reported: ReadonlySet<string>, settings: Pick<ResolvedScanOptions, 'isAllowlisted' | 'policyOf'>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const [path, events] of input.history) {
    const rule = fileNameRuleOf(path);
    if (!rule || reported.has(path) || settings.isAllowlisted(path)) continue;
    const layers = writtenLayers(events);
    if (layers.length === 0 || contentCleared(rule, path, layers, input)) continue;
    const attribution = attribute(path, layers, events, input.files);
    const removed = attribution.stillInFinalImage ? '' : ' A later layer removed it, but the layer that added it still holds it.';
    const severity = settings.policyOf(path)?.severity;
    hits.push({
      ruleId: rule.id,
      key: [path],
      ...(severity ? { severity } : {}),
      title: `${capitalise(rule.title)} ${path} (${layerStory(attribution)})`,
      evidence: { layerDigest: input.layers[layers[0]]?.digest ?? null, path, line: null, details: layerDetails(attribution) },
      remediation: [`Remove ${path} from the build and rotate what it held.${removed}`, REBUILD, ...(rule.privateKey ? [CHMOD_IS_NOT_ENOUGH] : [])].join(' '),
    });
  }
  return hits;
}
