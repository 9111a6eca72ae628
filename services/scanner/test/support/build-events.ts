import { randomUUID } from 'node:crypto';
import { type BuildCompleted, createEvent, type Envelope, type ModelPublished, TOPICS } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';

/** A valid build.completed envelope for an imported image whose blobs are served at baseUrl. */
export function buildCompletedEvent(image: ImportedImage, baseUrl: string, buildId: string = randomUUID()): Envelope<BuildCompleted> {
  return createEvent(
    TOPICS.buildCompleted,
    buildId,
    {
      buildId,
      name: 'dhi/sample',
      tag: '1.0.0',
      lineage: 'dhi/sample',
      submitter: 'alice',
      image: {
        digest: image.manifestDigest,
        configDigest: image.configDigest,
        mediaType: image.manifestMediaType,
        layers: image.layers.map(({ digest, size, mediaType }) => ({ digest, size, mediaType })),
        platform: { os: image.platform.os, architecture: image.platform.architecture },
      },
      blobs: { baseUrl },
      dockerfile: null,
    },
    { source: 'dhi/build', cause: { correlationId: `corr-${randomUUID()}`, causationId: null } },
  );
}

/** A model.published envelope for a version. */
export function modelPublishedEvent(modelVersion: string, time: Date): Envelope<ModelPublished> {
  const data: ModelPublished = {
    modelVersion,
    trainingWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
    signals: [{ signal: 'secret.aws-key', weight: 1.5, threshold: 0.4 }],
    metrics: { precision: 0.9, recall: 0.95, falseFlagRate: 0.1, calibration: 0.05 },
  };
  return createEvent(TOPICS.modelPublished, modelVersion, data, { source: 'dhi/feedback-trainer', time });
}
