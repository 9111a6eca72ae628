export { type Rule, type RuleReferences, RULE_FAMILIES } from './rule.js';
export { type CheckHit, findingOf } from './check-hit.js';
export { PERMISSION_RULES } from './permissions/permission-rules.js';
export { checkPermissions, PERMISSION_CONTENT_PATHS, wantsPermissionContent, type PermissionInput } from './permissions/check-permissions.js';
export { isPrivateKeyCandidate } from './permissions/private-key-check.js';
export { CONFIG_RULES } from './image-config/config-rules.js';
export { checkImageConfig } from './image-config/check-image-config.js';
export { type ConfigInput, type FoundSecret } from './image-config/config-input.js';
