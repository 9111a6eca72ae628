import { type Rule } from '@dhi/checks';
import { IMAGE_RULES } from './image-rules.js';
import { RUN_RULES } from './run-rules.js';

/** Every Dockerfile rule, with its stable id, severity, rationale, references and remediation. */
export const DOCKERFILE_RULES: readonly Rule[] = [...IMAGE_RULES, ...RUN_RULES];

const BY_ID = new Map(DOCKERFILE_RULES.map((rule) => [rule.id, rule]));

/** The catalog entry of a Dockerfile rule id; throws on an unknown id, which is a programming error. */
export function dockerfileRule(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown Dockerfile rule ${id}`);
  return rule;
}
