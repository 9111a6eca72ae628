/** CVSS qualitative rating; `none` is a 0.0 score (or a source that says the issue does not matter). */
export type SeverityRating = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface CvssScore {
  /** The vector exactly as the record gives it. */
  vector: string;
  version: '3.0' | '3.1' | '4.0';
  /** Base score computed from the vector (never copied from the record). */
  score: number;
  rating: SeverityRating;
}

export interface AdvisorySeverity {
  cvssV3?: CvssScore;
  cvssV4?: CvssScore;
  /** A severity word from the source's own fields (GHSA `database_specific.severity`, Debian urgency). */
  databaseSpecific?: { value: string; rating?: SeverityRating };
  /** The rating to show: CVSS v4, else CVSS v3, else the source's own word; absent when nothing is known. */
  rating?: SeverityRating;
  ratingSource?: 'cvss_v4' | 'cvss_v3' | 'database_specific';
}

export type RangeType = 'ECOSYSTEM' | 'SEMVER' | 'GIT';
export type RangeEventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

export interface RangeEvent {
  kind: RangeEventKind;
  version: string;
}

/** An OSV range kept as the source wrote it (events in order); matching interprets it later. */
export interface AffectedRange {
  type: RangeType;
  /** Repository of a GIT range. */
  repo?: string;
  events: RangeEvent[];
}

export interface AffectedPackage {
  /** Raw OSV ecosystem, e.g. `Debian:12`, `PyPI`, `Go`, `npm`, `Maven`. */
  ecosystem: string;
  name: string;
  purl?: string;
  ranges: AffectedRange[];
  /** Explicitly enumerated affected versions. */
  versions?: string[];
  ecosystemSpecific?: Record<string, unknown>;
  databaseSpecific?: Record<string, unknown>;
}

export interface AdvisoryReference {
  type: string;
  url: string;
}

/** One advisory, normalised from OSV or from Debian security-tracker data. */
export interface Advisory {
  id: string;
  /** RFC 3339 time of the last change; upserts compare it. */
  modified: string;
  published?: string;
  /** Set when the record was withdrawn: it must stop matching. */
  withdrawn?: string;
  aliases: string[];
  related: string[];
  summary?: string;
  details?: string;
  severity: AdvisorySeverity;
  affected: AffectedPackage[];
  references: AdvisoryReference[];
  schemaVersion?: string;
  databaseSpecific?: Record<string, unknown>;
}
