export { type AdvisoryCandidate, candidateKey, indexCandidates } from './candidate.js';
export { aliasGroups, primaryIdOf } from './alias-groups.js';
export { matchTargetsOf, lookupEcosystems, type MatchTarget } from './match-target.js';
export { matchPackages, lookupIn, type MatchedAdvisory, type MatchOutcome, type VulnerabilityMatch } from './match-packages.js';
export { vulnerabilityFinding, severityOf, type FindingContext } from './vulnerability-finding.js';
export { remediationOf, patchOf } from './remediation.js';
export { coverageFindings } from './coverage-finding.js';
export { VULNERABILITY_RULES, vulnerabilityRuleId, coverageRuleId } from './vulnerability-rules.js';
