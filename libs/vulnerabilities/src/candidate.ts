import { type AdvisorySeverity, type AffectedPackage } from '@dhi/advisories';

/** One affected entry of a stored, not withdrawn advisory, as the advisory database hands it to matching. */
export interface AdvisoryCandidate {
  advisoryId: string;
  aliases: readonly string[];
  summary: string | null;
  severity: AdvisorySeverity;
  /** The canonical ecosystem and name key the entry is stored under. */
  ecosystem: string;
  name: string;
  affected: AffectedPackage;
}

/** The key candidates are looked up by. */
export const candidateKey = (ecosystem: string, name: string): string => `${ecosystem}\u0000${name}`;

/** Candidates grouped by their (ecosystem, name) key. */
export function indexCandidates(candidates: Iterable<AdvisoryCandidate>): Map<string, AdvisoryCandidate[]> {
  const index = new Map<string, AdvisoryCandidate[]>();
  for (const candidate of candidates) {
    const key = candidateKey(candidate.ecosystem, candidate.name);
    const list = index.get(key);
    if (list) list.push(candidate);
    else index.set(key, [candidate]);
  }
  return index;
}
