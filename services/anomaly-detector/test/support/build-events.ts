import { randomUUID } from 'node:crypto';
import { type BuildCompleted, createEvent, type Envelope, type ModelPublished, type ReviewCompleted, TOPICS, type Verdict } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';

/** A valid build.completed envelope for an imported image of a lineage whose blobs are served at baseUrl. */
export function buildCompletedEvent(image: ImportedImage, baseUrl: string, lineage: string, buildId: string = randomUUID()): Envelope<BuildCompleted> {
  return createEvent(
    TOPICS.buildCompleted,
    buildId,
    {
      buildId,
      name: 'dhi/sample',
      tag: '1.0.0',
      lineage,
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

/** A review.completed envelope: the reviewer's verdict on a build at a given time. */
export function reviewCompletedEvent(buildId: string, lineage: string, verdict: Verdict, decidedAt: Date): Envelope<ReviewCompleted> {
  const data: ReviewCompleted = { caseId: randomUUID(), buildId, lineage, verdict, comment: `${verdict} in test`, reviewer: 'bob', decidedAt: decidedAt.toISOString() };
  return createEvent(TOPICS.reviewCompleted, buildId, data, { source: 'dhi/review' });
}

/** A model.published envelope for a version. */
export function modelPublishedEvent(modelVersion: string, time: Date): Envelope<ModelPublished> {
  const data: ModelPublished = {
    modelVersion,
    trainingWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
    signals: [{ signal: 'anomaly.new-setuid', weight: 1.2, threshold: 0.5 }],
    metrics: { precision: 0.9, recall: 0.95, falseFlagRate: 0.1, calibration: 0.05 },
  };
  return createEvent(TOPICS.modelPublished, modelVersion, data, { source: 'dhi/feedback-trainer', time });
}
