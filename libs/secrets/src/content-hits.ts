import { type CheckHit } from '@dhi/checks';
import { type PathEvent } from '@dhi/image';
import { contentFormat } from './content-formats.js';
import { DEFAULT_PATH_POLICIES } from './path-globs.js';
import { attribute, type Attribution, type FinalFiles, layerDetails, layerStory } from './layer-attribution.js';
import { type SecretFileResult } from './secret-inspector.js';
import { type SecretMatch } from './secret-match.js';
import { capitalise, CHMOD_IS_NOT_ENOUGH, REBUILD } from './secret-rules.js';

/** What `secretHits` reads: the image's layers and a `readImageFilesystem` result read with `secretInspector`. */
export interface SecretHitsInput {
  layers: readonly { digest: string }[];
  /** `ImageFilesystem.history`: every layer event of every path, removals included. */
  history: ReadonlyMap<string, readonly PathEvent[]>;
  /** `ImageFilesystem.inspections` of a read with `inspect: secretInspector(options)`. */
  inspections: ReadonlyMap<string, ReadonlyMap<number, SecretFileResult>>;
  files: FinalFiles;
}

/** One secret at one path: every layer whose version of the file holds it, and its first occurrence. */
interface Occurrence {
  path: string;
  first: SecretMatch;
  layers: number[];
  /** The default path policy the file was scanned under, if any. */
  policy: string | undefined;
}

/** Groups the matches of every inspected file version by (rule, fingerprint, path), layers in order. */
function occurrences(inspections: SecretHitsInput['inspections']): Occurrence[] {
  const byKey = new Map<string, Occurrence>();
  for (const [path, byLayer] of inspections) {
    for (const layerIndex of [...byLayer.keys()].sort((a, b) => a - b)) {
      const result = byLayer.get(layerIndex);
      for (const match of result?.matches ?? []) {
        const key = `${match.ruleId}\u0000${match.fingerprint}\u0000${path}`;
        const seen = byKey.get(key);
        if (!seen) byKey.set(key, { path, first: match, layers: [layerIndex], policy: result?.policy });
        else if (!seen.layers.includes(layerIndex)) seen.layers.push(layerIndex);
      }
    }
  }
  return [...byKey.values()];
}

function remediationOf(title: string, attribution: Attribution, privateKey: boolean): string {
  const where = attribution.stillInFinalImage
    ? `It is in layer ${attribution.addedInLayer} and in the final filesystem.`
    : `Layer ${attribution.removedInLayer ?? '?'} ${attribution.removedBy === 'deleted' ? 'deleted' : 'replaced'} the file, but layer ${attribution.addedInLayer} still holds it: anyone who can pull the image can extract it.`;
  const parts = [`Revoke and rotate this ${title} now.`, where, REBUILD];
  if (privateKey) parts.push(CHMOD_IS_NOT_ENOUGH);
  return parts.join(' ');
}

/** One hit per (rule, secret fingerprint, path): the layer that added it, and whether a later layer removed it. */
export function contentHits(input: SecretHitsInput): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const { path, first, layers, policy } of occurrences(input.inspections)) {
    const format = contentFormat(first.ruleId);
    const title = format?.title ?? first.ruleId;
    const attribution = attribute(path, layers, input.history.get(path) ?? [], input.files);
    const severity = DEFAULT_PATH_POLICIES.find((candidate) => candidate.name === policy)?.severity;
    hits.push({
      ruleId: first.ruleId,
      key: [first.fingerprint, path],
      ...(severity ? { severity } : {}),
      title: `${capitalise(title)} in ${path} (${layerStory(attribution)})`,
      evidence: {
        layerDigest: input.layers[layers[0]]?.digest ?? null,
        path,
        line: first.line,
        details: {
          redacted: first.redacted,
          secretFingerprint: first.fingerprint,
          column: first.column,
          ...(first.keyword ? { keyword: first.keyword } : {}),
          ...(policy ? { pathPolicy: policy } : {}),
          ...layerDetails(attribution),
        },
      },
      remediation: remediationOf(title, attribution, format?.privateKey === true),
    });
  }
  return hits;
}
