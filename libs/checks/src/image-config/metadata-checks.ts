import { type CheckHit } from '../check-hit.js';
import { type ConfigInput, runtimeConfig } from './config-input.js';
import { MISSING_PROVENANCE_LABEL_RULE, NO_HEALTHCHECK_RULE } from './config-rules.js';

const PROVENANCE_LABELS: readonly { label: string; example: string }[] = [
  { label: 'org.opencontainers.image.source', example: '<repo url>' },
  { label: 'org.opencontainers.image.revision', example: '<commit sha>' },
];

/** Whether the config has a usable health check; `["NONE"]` disables one inherited from the base image. */
function healthState(input: ConfigInput): 'set' | 'missing' | 'disabled' {
  const healthcheck: unknown = (runtimeConfig(input) as Record<string, unknown>).Healthcheck;
  if (typeof healthcheck !== 'object' || healthcheck === null) return 'missing';
  const test: unknown = (healthcheck as Record<string, unknown>).Test;
  if (!Array.isArray(test) || test.length === 0 || !test.every((part) => typeof part === 'string')) return 'missing';
  return test[0] === 'NONE' ? 'disabled' : 'set';
}

/** No HEALTHCHECK, or one disabled with `HEALTHCHECK NONE`. */
export function healthcheckHits(input: ConfigInput): CheckHit[] {
  const state = healthState(input);
  if (state === 'set') return [];
  return [
    {
      ruleId: NO_HEALTHCHECK_RULE,
      key: ['Healthcheck'],
      title: state === 'disabled' ? 'HEALTHCHECK is disabled (NONE)' : 'Image has no HEALTHCHECK',
      evidence: { path: null, details: { key: 'Healthcheck' } },
    },
  ];
}

/** One hit per OCI provenance label (source repository, revision) that is missing or empty. */
export function provenanceHits(input: ConfigInput): CheckHit[] {
  const labels = runtimeConfig(input).Labels ?? {};
  return PROVENANCE_LABELS.filter(({ label }) => !labels[label]?.trim()).map(({ label, example }) => ({
    ruleId: MISSING_PROVENANCE_LABEL_RULE,
    key: [label],
    title: `Label ${label} is missing`,
    evidence: { path: null, details: { key: 'Labels', label } },
    remediation: `Set ${label} at build time, e.g. \`LABEL ${label}="${example}"\` filled from a build argument.`,
    patch: `LABEL ${label}="${example}"`,
  }));
}
