import { In, Not, IsNull, type EntityManager } from 'typeorm';
import { type BuilderSettings } from '../config.js';
import { Build } from '../domain/build.entity.js';
import { BuildFailure } from '../run-build/build-executor.js';
import { type ImageUse } from './dockerfile-images.js';
import { isBuildIdReference, type LocalReference, parseLocalReference } from './image-reference.js';

/** How one image a Dockerfile needs gets into the builder's private storage. */
export type BasePlan =
  /** An earlier build of the platform: exported from the blob store; `tagAs` is the name the Dockerfile uses (null for digests). */
  | { kind: 'platform'; use: ImageUse; manifestDigest: string; buildId: string; tagAs: string | null }
  /** The configured registry: pulled by buildah. */
  | { kind: 'registry'; use: ImageUse; reference: string };

// a build that failed has no image; a rejected one was judged unfit by a reviewer
const UNUSABLE = ['failed', 'rejected'];

function notHeld(use: ImageUse, why: string): BuildFailure {
  return new BuildFailure({
    stage: 'build',
    reason: `${use.instruction} (line ${use.line}): ${use.reference || '(empty)'} is not an image the platform holds; ${why}`,
  });
}

async function findPlatformBuild(manager: EntityManager, ref: LocalReference): Promise<Build | null> {
  const usable = { imageDigest: Not(IsNull()), status: Not(In(UNUSABLE)) };
  if (isBuildIdReference(ref)) return manager.findOne(Build, { where: { id: ref.path, ...usable } });
  if (ref.digest) return manager.findOne(Build, { where: { name: ref.path, ...usable, imageDigest: ref.digest }, order: { createdAt: 'DESC' } });
  return manager.findOne(Build, { where: { name: ref.path, tag: ref.tag ?? 'latest', ...usable }, order: { createdAt: 'DESC' } });
}

/**
 * Decides, before buildah runs, where every external image of a Dockerfile comes from: an earlier platform build
 * (`name:tag`, `name@sha256:…` or a build id) or the configured registry. Anything else fails the build: the builder
 * never pulls from the internet.
 */
export async function planBaseImages(manager: EntityManager, uses: ImageUse[], registry: BuilderSettings['registry']): Promise<BasePlan[]> {
  const plans: BasePlan[] = [];
  for (const use of uses) {
    const ref = parseLocalReference(use.reference);
    if (!ref) throw notHeld(use, 'it is not a valid image reference');
    if (ref.domain !== null) {
      if (registry && ref.domain === registry.host) {
        plans.push({ kind: 'registry', use, reference: use.reference });
        continue;
      }
      throw notHeld(use, registry ? `only images of the configured registry ${registry.host} can be pulled` : 'no registry is configured for builds to pull from');
    }
    const build = await findPlatformBuild(manager, ref);
    if (!build?.imageDigest) throw notHeld(use, 'submit it first (an upload, a build or a registry pull with that name and tag), or name a build by id or digest');
    const tagAs = ref.digest ? null : isBuildIdReference(ref) ? ref.path : `${ref.path}:${ref.tag ?? 'latest'}`;
    plans.push({ kind: 'platform', use, manifestDigest: build.imageDigest, buildId: build.id, tagAs });
  }
  return plans;
}
