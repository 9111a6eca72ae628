import { type CheckHit } from '@dhi/checks';
import { checkDockerfile } from '@dhi/dockerfile';
import { type BuildDockerfile } from './dockerfile-patches.js';
import { findSecrets } from './image-checks.js';

/**
 * The Dockerfile rules over the build's Dockerfile. A Dockerfile the parser cannot check yields no hits (its errors are
 * the build's business: it built).
 */
export function dockerfileHits(dockerfile: BuildDockerfile, dockerignore: boolean | null): CheckHit[] {
  return checkDockerfile(dockerfile.text, { path: dockerfile.path, dockerignore, findSecrets }).hits;
}
