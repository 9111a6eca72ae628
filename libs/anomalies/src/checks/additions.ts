import { type BuildProfile } from '@dhi/profile';
import { KIND_IMPORTANCE, type AnomalyKind } from '../anomaly-kind.js';
import { newItems, ofTheBaseline, type Candidate, type CheckContext } from '../candidate.js';
import { surprisal } from '../scoring.js';

/** One "something new in a list" kind: setuid paths, ports, cron lines… */
export interface AdditionSpec {
  kind: AnomalyKind;
  items: (profile: BuildProfile) => readonly string[];
  title: (item: string) => string;
  /** `seen` reads "none of the 8 approved builds of this lineage". */
  explanation: (item: string, seen: string) => string;
  evidence: (item: string) => Record<string, unknown>;
}

/** Items of the build that not every approved build listed, scored by how many did. */
export function additionChecks(ctx: CheckContext, spec: AdditionSpec): Candidate[] {
  const n = ctx.members.length;
  return newItems(spec.items(ctx.profile), ctx.members.map(spec.items)).map(({ item, count }) => ({
    kind: spec.kind,
    key: [item],
    bits: surprisal(count, n),
    importance: KIND_IMPORTANCE[spec.kind],
    always: false,
    title: spec.title(item),
    explanation: spec.explanation(item, ofTheBaseline(count, n)),
    evidence: { ...spec.evidence(item), baselineCount: count, baselineSize: n },
  }));
}
