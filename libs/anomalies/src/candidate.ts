import { type BuildProfile } from '@dhi/profile';
import { type AnomalyKind } from './anomaly-kind.js';

/** What a check hands the detector: a deviation before the model weighs it. */
export interface Candidate {
  kind: AnomalyKind;
  /** What makes it the same deviation in the next build (never a version or a digest that changes per build). */
  key: string[];
  /** Surprisal under the baseline, the absolute prior, or the bits-equivalent of a z-score. */
  bits: number;
  /** Factor on `bits` for how much the kind matters; usually the kind's, a check may adjust it (documented there). */
  importance: number;
  /** Absolute facts are reported even when the baseline makes them unsurprising. */
  always: boolean;
  title: string;
  explanation: string;
  evidence: Record<string, unknown>;
}

/** What every check reads: the build, the approved builds it is compared with, and where to leave notes. */
export interface CheckContext {
  profile: BuildProfile;
  /** Approved builds of the lineage with the same profile version, newest first. */
  members: readonly BuildProfile[];
  /** True when the baseline has at least k builds and drift checks run. */
  drift: boolean;
  notes: string[];
}

/** "none of the 5 approved builds of this lineage", "1 of the 10 …", "all 8 …". */
export function ofTheBaseline(count: number, n: number): string {
  const builds = n === 1 ? 'build' : 'builds';
  if (n >= 2 && count === 0) return `none of the ${n} approved ${builds} of this lineage`;
  if (n >= 2 && count === n) return `all ${n} approved ${builds} of this lineage`;
  return `${count} of the ${n} approved ${builds} of this lineage`;
}

/** How many members satisfy `has`. */
export function countMembers(members: readonly BuildProfile[], has: (member: BuildProfile) => boolean): number {
  let count = 0;
  for (const member of members) if (has(member)) count++;
  return count;
}

/** Items of `current` with how many members list them, for the items not every member lists. */
export function newItems(current: readonly string[], lists: readonly (readonly string[])[]): { item: string; count: number }[] {
  const sets = lists.map((list) => new Set(list));
  const out: { item: string; count: number }[] = [];
  for (const item of new Set(current)) {
    const count = sets.filter((set) => set.has(item)).length;
    if (count < sets.length || sets.length === 0) out.push({ item, count });
  }
  return out;
}
