import { type FindingCategory, type Severity } from '@dhi/contracts';

/** Where a rule comes from in the references users know; each field only where an equivalent exists. */
export interface RuleReferences {
  /** CIS Docker Benchmark section, e.g. `4.1`. */
  cis?: string;
  /** Dockle checkpoint, e.g. `CIS-DI-0001`, `DKL-DI-0005`. */
  dockle?: string;
  /** Hadolint rule, e.g. `DL3008`. */
  hadolint?: string;
  /** Trivy / gitleaks secret rule id of the same credential format. */
  gitleaks?: string;
}

/** One entry of the rule catalog (`GET /v1/rules`): every finding names its rule. */
export interface Rule {
  /** Stable id, `<family>.<name>`: `config.user-root`, `dockerfile.apt-no-install-recommends`, `secret.aws-access-key-id`. */
  id: string;
  title: string;
  category: FindingCategory;
  /** The severity a finding of this rule gets unless the check says otherwise (e.g. an expected setuid file is low). */
  severity: Severity;
  /** Why it matters, in one or two sentences. */
  rationale: string;
  references: RuleReferences;
  /** What to do, in general terms; a finding may carry a more specific text and a patch. */
  remediation: string;
}

/** The id families and the category each belongs to. */
export const RULE_FAMILIES = {
  config: 'misconfiguration',
  dockerfile: 'dockerfile',
  secret: 'secret',
  permission: 'permission',
} as const satisfies Record<string, FindingCategory>;
