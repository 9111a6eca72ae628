import { isAdvisoryError } from '../advisory-error.js';
import { type AdvisorySeverity, type SeverityRating } from '../advisory.js';
import { scoreCvss3 } from '../cvss/cvss3.js';
import { scoreCvss4 } from '../cvss/cvss4.js';

export interface RawSeverity {
  type: string;
  score: string;
}

// GHSA uses MODERATE for CVSS's medium; other databases use the CVSS words.
const WORDS: Record<string, SeverityRating> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
  NONE: 'none',
};

/** A source's own severity word as a rating (GHSA LOW/MODERATE/HIGH/CRITICAL and the CVSS words), if it is one. */
export function ratingOfWord(word: string): SeverityRating | undefined {
  return WORDS[word.trim().toUpperCase()];
}

/**
 * Computes the severity of a record from its CVSS vectors (v4 preferred, then v3), falling back to a database-specific
 * word. Unparseable vectors become warnings, not failures: the rest of the record is still usable.
 */
export function computeSeverity(raw: RawSeverity[], databaseWord: string | undefined, warnings: string[]): AdvisorySeverity {
  const severity: AdvisorySeverity = {};
  for (const { type, score } of raw) {
    try {
      if (type === 'CVSS_V3' && !severity.cvssV3) severity.cvssV3 = scoreCvss3(score.trim());
      if (type === 'CVSS_V4' && !severity.cvssV4) severity.cvssV4 = scoreCvss4(score.trim());
    } catch (error) {
      if (!isAdvisoryError(error)) throw error;
      warnings.push(error.message);
    }
  }
  if (databaseWord !== undefined && databaseWord.trim() !== '') {
    severity.databaseSpecific = { value: databaseWord, rating: ratingOfWord(databaseWord) };
  }
  if (severity.cvssV4) Object.assign(severity, { rating: severity.cvssV4.rating, ratingSource: 'cvss_v4' });
  else if (severity.cvssV3) Object.assign(severity, { rating: severity.cvssV3.rating, ratingSource: 'cvss_v3' });
  else if (severity.databaseSpecific?.rating) {
    Object.assign(severity, { rating: severity.databaseSpecific.rating, ratingSource: 'database_specific' });
  }
  return severity;
}
