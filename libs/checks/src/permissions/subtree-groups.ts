import { type Severity } from '@dhi/contracts';
import { type ImageFile } from '@dhi/image';
import { parentOf } from './permission-context.js';

/** Entries of one rule under the top-most offending entry that holds them: one finding, not one per file. */
export interface SubtreeGroup {
  root: ImageFile;
  severity: Severity;
  /** Offending entries below the root. */
  below: number;
}

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/**
 * Groups offending entries by their top-most offending ancestor, so that `chmod -R 777 /app` or
 * `COPY --chown=app . /usr/lib/app` is one finding with a count. A group takes the highest severity of its members.
 */
export function groupSubtrees(offending: readonly { file: ImageFile; severity: Severity }[]): SubtreeGroup[] {
  const groups = new Map<string, SubtreeGroup>();
  // an ancestor's path is a prefix of its descendants' and so sorts before them
  const sorted = [...offending].sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  for (const { file, severity } of sorted) {
    let group: SubtreeGroup | undefined;
    for (let dir = parentOf(file.path); !group && dir !== '/'; dir = parentOf(dir)) group = groups.get(dir);
    if (!group) {
      groups.set(file.path, { root: file, severity, below: 0 });
      continue;
    }
    group.below += 1;
    if (RANK[severity] > RANK[group.severity]) group.severity = severity;
  }
  return [...groups.values()];
}
