import { type LayerDescriptor, type SeverityCounts } from '@dhi/contracts';
import { type BuildStage } from './build-stage.entity.js';
import { type BuildStatus, type StageName, type StageStatus } from './build-status.js';
import { type Build, type PlatformRecord } from './build.entity.js';

export interface BuildLinks {
  self: string;
  logs: string;
  /** Served by the scanner. */
  findings: string;
  /** Served by the anomaly detector. */
  anomalies: string;
}

export interface StageView {
  stage: StageName;
  status: StageStatus;
  startedAt: string | null;
  finishedAt: string | null;
  detail: string | null;
}

/** A build as GET /v1/builds/:id returns it (DESIGN §8). */
export interface BuildView {
  id: string;
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
  status: BuildStatus;
  createdAt: string;
  updatedAt: string;
  stages: StageView[];
  image: {
    digest: string;
    configDigest: string;
    mediaType: string;
    platform: PlatformRecord | null;
    layers: LayerDescriptor[];
  } | null;
  /** Counts per severity; null until the scanner / anomaly detector reported. */
  summary: { findings: SeverityCounts | null; anomalies: SeverityCounts | null };
  verdict: { verdict: 'approved' | 'rejected'; reviewer: string; comment: string; decidedAt: string } | null;
  links: BuildLinks;
}

/** The API paths of a build and of its analysis results on the other services. */
export function buildLinks(id: string): BuildLinks {
  const self = `/v1/builds/${id}`;
  return { self, logs: `${self}/logs`, findings: `${self}/findings`, anomalies: `${self}/anomalies` };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The API view of a build and its stages (stages in timeline order). */
export function toBuildView(build: Build, stages: BuildStage[]): BuildView {
  const image =
    build.imageDigest && build.configDigest
      ? {
          digest: build.imageDigest,
          configDigest: build.configDigest,
          mediaType: build.imageMediaType ?? '',
          platform: build.platform,
          layers: build.layers ?? [],
        }
      : null;
  const verdict = build.verdict
    ? { verdict: build.verdict.verdict, reviewer: build.verdict.reviewer, comment: build.verdict.comment, decidedAt: build.verdict.decidedAt }
    : null;
  return {
    id: build.id,
    name: build.name,
    tag: build.tag,
    lineage: build.lineage,
    submitter: build.submitter,
    status: build.status,
    createdAt: build.createdAt.toISOString(),
    updatedAt: build.updatedAt.toISOString(),
    stages: [...stages]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ stage: s.stage, status: s.status, startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt), detail: s.detail })),
    image,
    summary: { findings: build.findings, anomalies: build.anomalies },
    verdict,
    links: buildLinks(build.id),
  };
}
