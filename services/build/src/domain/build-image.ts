import { type BuildSource, type Envelope, createEvent, type EventCause, TOPICS } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';
import { type Build } from './build.entity.js';

/** Source of every event this service publishes. */
export const EVENT_SOURCE = 'dhi/build';

/** The fields of a build that name it (as in its events). */
export type BuildNaming = Pick<Build, 'name' | 'tag' | 'lineage' | 'submitter'>;

/** The image columns of a build once its image is stored. */
export function imageColumns(imported: ImportedImage): Pick<Build, 'imageDigest' | 'configDigest' | 'imageMediaType' | 'layers' | 'platform'> {
  return {
    imageDigest: imported.manifestDigest,
    configDigest: imported.configDigest,
    imageMediaType: imported.manifestMediaType,
    layers: imported.layers.map(({ digest, size, mediaType }) => ({ digest, size, mediaType })),
    platform: imported.platform,
  };
}

/** build.completed for a stored image: every source (upload, Dockerfile, registry) ends in this same event. */
export function buildCompletedEvent(
  buildId: string,
  naming: BuildNaming,
  imported: ImportedImage,
  options: { blobsBaseUrl: string; dockerfile: string | null; source?: BuildSource; cause: EventCause },
): Envelope {
  const { name, tag, lineage, submitter } = naming;
  const columns = imageColumns(imported);
  return createEvent(
    TOPICS.buildCompleted,
    buildId,
    {
      buildId,
      name,
      tag,
      lineage,
      submitter,
      image: { digest: imported.manifestDigest, configDigest: imported.configDigest, mediaType: imported.manifestMediaType, layers: columns.layers ?? [], platform: imported.platform },
      blobs: { baseUrl: options.blobsBaseUrl },
      dockerfile: options.dockerfile,
      context: options.source?.kind === 'dockerfile' ? { dockerfilePath: options.source.dockerfilePath, dockerignore: options.source.dockerignore ?? null } : null,
    },
    { source: EVENT_SOURCE, cause: options.cause },
  );
}
