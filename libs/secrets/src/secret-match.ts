/** One secret found in a text: where, which rule, and only a redacted form and a fingerprint of the value. */
export interface SecretMatch {
  ruleId: string;
  /** 1-based line and column of the secret (of the BEGIN line for a key block). */
  line: number;
  column: number;
  /** Offset of that position from the start of the text: characters for `scanText`, bytes for a file. */
  offset: number;
  /** At most the first four characters and the length. */
  redacted: string;
  /** `sha256:` + 16 hex digits of the secret: the same secret is recognised in later builds. */
  fingerprint: string;
  /** For the generic rule, the name the value was assigned to. */
  keyword?: string;
}

/** A match before overlaps between formats are settled: its whole span and its format's priority. */
export interface Candidate {
  start: number;
  end: number;
  priority: number;
  match: SecretMatch;
}

/**
 * Where matches of different formats overlap (a token inside a URL, a JWT inside a header, a key block inside a JSON
 * string), the highest-priority one stays, then the longest; the result is in text order.
 */
export function settleOverlaps(candidates: readonly Candidate[]): SecretMatch[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.match.ruleId.localeCompare(b.match.ruleId)).map((candidate) => candidate.match);
}
