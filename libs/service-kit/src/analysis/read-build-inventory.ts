import { type BuildCompleted, type ImageInventory } from '@dhi/contracts';
import { type ImageLimits, isImageError, readImageInventory } from '@dhi/image';
import { PoisonMessageError } from '@dhi/messaging';

/**
 * readImageInventory for a build.completed handler: errors come back classified for the transport (see
 * classifyReadError), with the build named in their message.
 */
export async function readBuildInventory(
  build: Pick<BuildCompleted, 'buildId' | 'image' | 'blobs'>,
  heartbeat: () => Promise<void>,
  limits?: Partial<ImageLimits>,
): Promise<ImageInventory> {
  try {
    return await readImageInventory(build, { heartbeat, limits });
  } catch (error) {
    throw classifyReadError(build.buildId, error);
  }
}

/**
 * A corrupt or invalid image stays so however often it is read: that is a poison message for the dead-letter topic
 * at once. A missing blob (the store may lag behind) and transport failures (5xx, refused, timeout) are retried.
 */
export function classifyReadError(buildId: string, error: unknown): unknown {
  if (isImageError(error)) {
    if (error.code === 'missing_blob') return error;
    return new PoisonMessageError(`the image of build ${buildId} cannot be read (${error.code}): ${error.message}`, { cause: error });
  }
  if (!(error instanceof Error)) return error;
  // fetch says only "fetch failed"; what happened (refused, reset, DNS) is in its cause
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new Error(`reading the image of build ${buildId} failed: ${error.message}${cause}`, { cause: error });
}
