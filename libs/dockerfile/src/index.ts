export { checkDockerfile, type CheckDockerfileResult } from './check-dockerfile.js';
export { type CheckDockerfileOptions, type SecretMatch } from './checks/check-context.js';
export { DEFAULT_NON_ROOT_USER } from './checks/user.js';
export { type DockerfileError, type DockerfileErrorCode } from './dockerfile-error.js';
export { applyUnifiedDiff, type ApplyDiffResult } from './patch/apply-diff.js';
export { createUnifiedDiff, diffTexts, type DiffOptions, type LineEdit } from './patch/unified-diff.js';
export { DOCKERFILE_RULES, dockerfileRule } from './rules/catalog.js';
export { DOCKERFILE_RULE_IDS, type DockerfileRuleId } from './rules/rule-ids.js';
export { suggestRunPatch, type SuggestRunOptions } from './suggest-run-patch.js';
