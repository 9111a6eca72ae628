import { randomUUID } from 'node:crypto';
import {
  type BuildCompleted,
  createEvent,
  type Envelope,
  type ModelPublished,
  type ReviewCompleted,
  TOPICS,
  type Verdict,
} from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';

/**
 * A valid build.completed envelope (dhi/sample 1.0.0 by alice) for an imported image whose blobs are served at
 * baseUrl; lineage defaults to the name, buildId to a fresh one.
 */
export function buildCompletedEvent(
  image: ImportedImage,
  baseUrl: string,
  options: { lineage?: string; buildId?: string } = {},
): Envelope<BuildCompleted> {
  const buildId = options.buildId ?? randomUUID();
  return createEvent(
    TOPICS.buildCompleted,
    buildId,
    {
      buildId,
      name: 'dhi/sample',
      tag: '1.0.0',
      lineage: options.lineage ?? 'dhi/sample',
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

/** A model.published envelope for a version, published at `time`. */
export function modelPublishedEvent(
  modelVersion: string,
  time: Date,
  signals: ModelPublished['signals'] = [{ signal: 'secret.aws-key', weight: 1.5, threshold: 0.4 }],
): Envelope<ModelPublished> {
  const data: ModelPublished = {
    modelVersion,
    trainingWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
    signals,
    metrics: { precision: 0.9, recall: 0.95, falseFlagRate: 0.1, calibration: 0.05 },
  };
  return createEvent(TOPICS.modelPublished, modelVersion, data, { source: 'dhi/feedback-trainer', time });
}

/** A review.completed envelope: reviewer bob's verdict on a build of a lineage, decided at a given time. */
export function reviewCompletedEvent(buildId: string, lineage: string, verdict: Verdict, decidedAt: Date): Envelope<ReviewCompleted> {
  const data: ReviewCompleted = {
    caseId: randomUUID(),
    buildId,
    lineage,
    verdict,
    comment: `${verdict} in test`,
    reviewer: 'bob',
    decidedAt: decidedAt.toISOString(),
  };
  return createEvent(TOPICS.reviewCompleted, buildId, data, { source: 'dhi/review' });
}
