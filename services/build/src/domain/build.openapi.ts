import { BUILD_STATUSES, STAGE_STATUSES, STAGES } from './build-status.js';

// OpenAPI schemas of the responses, for /docs (the code's types are interfaces, which Swagger cannot see).
const counts = {
  type: 'object',
  nullable: true,
  description: 'Counts per severity; null until the service reported',
  properties: Object.fromEntries(['critical', 'high', 'medium', 'low', 'info'].map((s) => [s, { type: 'integer' }])),
};

const links = {
  type: 'object',
  properties: {
    self: { type: 'string', example: '/v1/builds/0b9e…' },
    logs: { type: 'string' },
    findings: { type: 'string', description: 'served by the scanner' },
    anomalies: { type: 'string', description: 'served by the anomaly detector' },
  },
};

export const SUBMITTED_BUILD_SCHEMA = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: [...BUILD_STATUSES] }, links },
};

export const BUILD_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', example: 'dhi/node' },
    tag: { type: 'string', example: '20.11-debian12' },
    lineage: { type: 'string', example: 'dhi/node' },
    submitter: { type: 'string' },
    status: { type: 'string', enum: [...BUILD_STATUSES] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          stage: { type: 'string', enum: [...STAGES] },
          status: { type: 'string', enum: [...STAGE_STATUSES] },
          startedAt: { type: 'string', format: 'date-time', nullable: true },
          finishedAt: { type: 'string', format: 'date-time', nullable: true },
          detail: { type: 'string', nullable: true },
        },
      },
    },
    image: {
      type: 'object',
      nullable: true,
      properties: {
        digest: { type: 'string', description: 'manifest digest' },
        configDigest: { type: 'string' },
        mediaType: { type: 'string' },
        platform: { type: 'object', properties: { os: { type: 'string' }, architecture: { type: 'string' }, variant: { type: 'string' } } },
        layers: {
          type: 'array',
          items: { type: 'object', properties: { digest: { type: 'string' }, size: { type: 'integer' }, mediaType: { type: 'string' } } },
        },
      },
    },
    summary: { type: 'object', properties: { findings: counts, anomalies: counts } },
    verdict: {
      type: 'object',
      nullable: true,
      properties: {
        verdict: { type: 'string', enum: ['approved', 'rejected'] },
        reviewer: { type: 'string' },
        comment: { type: 'string' },
        decidedAt: { type: 'string', format: 'date-time' },
      },
    },
    links,
  },
};

export const BUILD_PAGE_SCHEMA = {
  type: 'object',
  properties: {
    items: { type: 'array', items: BUILD_SCHEMA },
    nextCursor: { type: 'string', nullable: true, description: 'pass as ?cursor= for the next page; null on the last page' },
  },
};

export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  properties: {
    type: { type: 'string', example: 'urn:dhi:problem:validation_failed' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
  },
};
