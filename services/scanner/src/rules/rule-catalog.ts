import { CONFIG_RULES, PERMISSION_RULES, type Rule } from '@dhi/checks';
import { DOCKERFILE_RULES } from '@dhi/dockerfile';
import { SECRET_RULES } from '@dhi/secrets';
import { VULNERABILITY_RULES } from '@dhi/vulnerabilities';

/** Every rule the scanner's findings can name, by family; ids are unique (checked when the module loads). */
export const RULE_CATALOG: readonly Rule[] = Object.freeze([...VULNERABILITY_RULES, ...CONFIG_RULES, ...PERMISSION_RULES, ...DOCKERFILE_RULES, ...SECRET_RULES]);

const BY_ID = new Map<string, Rule>();
for (const rule of RULE_CATALOG) {
  if (BY_ID.has(rule.id)) throw new Error(`rule id ${rule.id} is defined twice`);
  BY_ID.set(rule.id, rule);
}

/** The rule of an id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The rule of a check's hit; a hit of a rule outside the catalog is a programming error. */
export function ruleOf(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`a check reported the rule ${id}, which is not in the catalog`);
  return rule;
}
