export { pollUntil, type PollOptions } from './poll-until.js';
export { requireTestStack, type TestStack } from './test-stack.js';
export { corporaDir } from './corpora.js';
export { layerTar, type FixtureFile } from './fixture-tar.js';
export { buildImageArchive, type FixtureImageSpec } from './build-image-archive.js';
export { sampleImageSpec } from './sample-image.js';
export { checkDeployment, composeService, k8sContainer, repoRoot, type DeploymentExpectation } from './deployment-check.js';
