export {
  type Advisory,
  type AdvisoryReference,
  type AdvisorySeverity,
  type AffectedPackage,
  type AffectedRange,
  type CvssScore,
  type RangeEvent,
  type RangeEventKind,
  type RangeType,
  type SeverityRating,
} from './advisory.js';
export { AdvisoryError, isAdvisoryError, type AdvisoryErrorCode } from './advisory-error.js';
export { scoreCvss3 } from './cvss/cvss3.js';
export { scoreCvss4 } from './cvss/cvss4.js';
export { ratingOfScore } from './cvss/cvss-rating.js';
export { computeSeverity, ratingOfWord, type RawSeverity } from './osv/osv-severity.js';
export { normaliseOsvRecord } from './osv/normalise-osv.js';
export { parseOsvDocument } from './osv/parse-osv-document.js';
export { osvRecordsFromBytes, type AdvisoryRecordResult } from './sources/record-result.js';
export { DEFAULT_ADVISORY_SOURCE_LIMITS, type AdvisorySourceLimits } from './sources/source-limits.js';
export { walkOsvDirectory } from './sources/walk-osv-directory.js';
export { readOsvZip } from './sources/read-osv-zip.js';
export { readOsvTar } from './sources/read-osv-tar.js';
export { detectOsvSource, readOsvSource, type OsvSourceKind } from './sources/read-osv-source.js';
export { debianEcosystem } from './debian/debian-releases.js';
export { type DebianStatus } from './debian/debian-affected.js';
export { parseDebianAdvisoryList, readDebianAdvisoryList } from './debian/parse-debian-list.js';
export { parseDebianTrackerJson } from './debian/parse-debian-tracker-json.js';
