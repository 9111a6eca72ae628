import { type Evidence, type Finding, findingFingerprint, type Severity } from '@dhi/contracts';
import { type Rule } from './rule.js';

/** What a check found, before the catalog and the model turn it into a finding. */
export interface CheckHit {
  ruleId: string;
  /** What makes it the same issue in the next build (a path, a Dockerfile instruction, a secret's hash); never a layer digest or line number. */
  key: readonly string[];
  /** Overrides the rule's default severity (e.g. setuid files the distribution ships are low). */
  severity?: Severity;
  title: string;
  evidence: Partial<Evidence>;
  /** A more specific remediation than the rule's. */
  remediation?: string;
  /** A unified diff against the build's Dockerfile, or a Dockerfile line to add, where the fix is mechanical. */
  patch?: string | null;
}

const NO_EVIDENCE: Evidence = { layerDigest: null, path: null, line: null, package: null, installedVersion: null, fixedVersion: null, advisoryIds: [] };

/** A check's hit as a finding of its rule, with a fingerprint id and the confidence the current model gives it. */
export function findingOf(hit: CheckHit, rule: Rule, confidence: number): Finding {
  if (hit.ruleId !== rule.id) throw new Error(`the hit of ${hit.ruleId} was given the rule ${rule.id}`);
  return {
    id: findingFingerprint(rule.category, [rule.id, ...hit.key]),
    ruleId: rule.id,
    category: rule.category,
    severity: hit.severity ?? rule.severity,
    confidence,
    suppressed: false,
    title: hit.title,
    evidence: { ...NO_EVIDENCE, ...hit.evidence },
    remediation: hit.remediation ?? rule.remediation,
    patch: hit.patch ?? null,
  };
}
