export { type Rule, type RuleReferences, RULE_FAMILIES } from './rule.js';
export { type CheckHit, findingOf } from './check-hit.js';
