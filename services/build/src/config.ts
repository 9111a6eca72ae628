import path from 'node:path';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '@dhi/image';
import { createBaseMigration, serviceSchemaName, type ServiceDatabaseOptions } from '@dhi/persistence';
import { envVar, loadConfig, serviceConfigShape, wholeNumberIn } from '@dhi/service-kit';
import { BuildJob } from './domain/build-job.entity.js';
import { BuildLogLine } from './domain/build-log-line.entity.js';
import { BuildStage } from './domain/build-stage.entity.js';
import { Build } from './domain/build.entity.js';
import { CreateBuilds1767225600000 } from './migrations/1767225600000-create-builds.js';
import { AddBuildJobs1767398400000 } from './migrations/1767398400000-add-build-jobs.js';
import { registryPullConfigShape } from './registry-pull/registry-pull.config.js';

export const SERVICE_NAME = 'build';
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function positiveInteger(raw: string): number | undefined {
  if (!/^\d{1,16}$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function integerIn(min: number, max: number): (raw: string) => number | undefined {
  return (raw) => {
    const value = positiveInteger(raw);
    return value !== undefined && value >= min && value <= max ? value : undefined;
  };
}

function httpUrl(raw: string): string | null | undefined {
  if (raw === '') return null;
  try {
    const url = new URL(raw);
    return ['http:', 'https:'].includes(url.protocol) && url.search === '' && url.hash === '' ? raw.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function registryUrl(raw: string): URL | null | undefined {
  const url = httpUrl(raw);
  if (url === null || url === undefined) return url;
  const parsed = new URL(url);
  return parsed.pathname === '/' && parsed.username === '' && parsed.password === '' ? parsed : undefined;
}

/** Every environment variable the build service reads, with its default. */
export const buildConfigShape = {
  ...serviceConfigShape(8081),
  /** REGISTRY_CREDENTIALS, REGISTRY_AUTH_FILE, REGISTRY_INSECURE, REGISTRY_TIMEOUT_SECONDS: how registry pulls talk to registries. */
  ...registryPullConfigShape,
  /** Consumer group of the timeline handlers; tests use a unique one. */
  KAFKA_GROUP_ID: envVar('a Kafka group id ([A-Za-z0-9._-], 1-200 chars)', (raw) => (/^[A-Za-z0-9._-]{1,200}$/.test(raw) ? raw : undefined), SERVICE_NAME),
  /** Where image blobs are stored by digest; relative paths resolve against the working directory. */
  BLOB_STORE_DIR: envVar('a directory path', (raw) => path.resolve(raw), './.stack/blobs'),
  /** Base URL other services use to reach this one (blob downloads); empty means http://127.0.0.1:<PORT>. */
  PUBLIC_URL: envVar('an http(s) base URL without query or fragment', httpUrl, ''),
  MAX_UPLOAD_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(2 * GiB)),
  IMAGE_MAX_DECOMPRESSED_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(DEFAULT_IMAGE_LIMITS.maxDecompressedBytes)),
  IMAGE_MAX_ENTRIES: envVar('a positive integer', positiveInteger, String(DEFAULT_IMAGE_LIMITS.maxEntries)),
  /** Largest build context upload (the tar or tar.gz as sent). */
  MAX_CONTEXT_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(512 * MiB)),
  CONTEXT_MAX_DECOMPRESSED_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(2 * GiB)),
  CONTEXT_MAX_ENTRIES: envVar('a positive integer', positiveInteger, '100000'),
  /** How many queued builds run at once in this instance. */
  BUILD_CONCURRENCY: envVar('an integer 1-64', integerIn(1, 64), '2'),
  BUILD_TIMEOUT_SECONDS: envVar('an integer 1-86400 (seconds)', integerIn(1, 86_400), '1800'),
  /** A running build's claim expires this long after its last heartbeat; then another worker (or a restart) takes it. */
  BUILD_LEASE_SECONDS: envVar('an integer 3-3600 (seconds)', integerIn(3, 3600), '60'),
  /** Parent of each build's private work directory (context, builder storage); relative paths resolve against the working directory. */
  BUILDER_WORK_DIR: envVar('a directory path', (raw) => path.resolve(raw), './.stack/builder'),
  BUILDAH_PATH: envVar('a command name or path', (raw) => (/^[^\0\s]+$/.test(raw) ? raw : undefined), 'buildah'),
  /** The one registry a Dockerfile's FROM may name besides the platform's own images; empty means none. */
  REGISTRY_URL: envVar('an http(s) URL of a registry host (http://host[:port])', registryUrl, ''),
  /** Blobs no build references are deleted once older than this (an import may be about to reference a young one). */
  BLOB_RETENTION_GRACE_HOURS: envVar('an integer 1-87600 (hours)', (raw) => wholeNumberIn(raw, 1, 87_600), '24'),
  /** How often blob retention runs; 0 disables the job (POST /v1/admin/blobs/gc still runs it on demand). */
  BLOB_RETENTION_INTERVAL_MINUTES: envVar('an integer 0-525600 (minutes)', (raw) => wholeNumberIn(raw, 0, 525_600), '60'),
};

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadBuildConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(buildConfigShape, env);
}

export type BuildConfig = ReturnType<typeof loadBuildConfig>;

/** Runtime settings the use cases need, derived once from the config. */
export interface BuildSettings {
  blobStoreDir: string;
  /** `<PUBLIC_URL>/v1/blobs`, announced in build.completed. */
  blobsBaseUrl: string;
  maxUploadBytes: number;
  imageLimits: Partial<ImageLimits>;
  context: ContextLimits;
  builder: BuilderSettings;
  retention: { graceHours: number; intervalMinutes: number };
}

/** Bounds on an uploaded build context (DESIGN §5 rules applied to contexts). */
export interface ContextLimits {
  maxBytes: number;
  maxDecompressedBytes: number;
  maxEntries: number;
  maxPathLength: number;
  maxCompressionRatio: number;
  /** Largest Dockerfile kept as text. */
  maxDockerfileBytes: number;
}

/** How queued builds run. */
export interface BuilderSettings {
  workDir: string;
  concurrency: number;
  timeoutSeconds: number;
  leaseSeconds: number;
  buildahPath: string;
  /** `host[:port]` of the configured registry and whether it speaks plain http; null when none is configured. */
  registry: { host: string; insecure: boolean } | null;
}

/** DI token of BuildSettings. */
export const BUILD_SETTINGS = Symbol.for('dhi.build.settings');

/** The settings of a loaded config. */
export function buildSettings(config: BuildConfig): BuildSettings {
  const publicUrl = config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
  return {
    blobStoreDir: config.BLOB_STORE_DIR,
    blobsBaseUrl: `${publicUrl}/v1/blobs`,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    imageLimits: {
      // the raw archive is the upload, so both limits are one
      maxArchiveBytes: config.MAX_UPLOAD_BYTES,
      maxDecompressedBytes: config.IMAGE_MAX_DECOMPRESSED_BYTES,
      maxEntries: config.IMAGE_MAX_ENTRIES,
    },
    context: {
      maxBytes: config.MAX_CONTEXT_BYTES,
      maxDecompressedBytes: config.CONTEXT_MAX_DECOMPRESSED_BYTES,
      maxEntries: config.CONTEXT_MAX_ENTRIES,
      maxPathLength: DEFAULT_IMAGE_LIMITS.maxPathLength,
      maxCompressionRatio: DEFAULT_IMAGE_LIMITS.maxCompressionRatio,
      maxDockerfileBytes: 1 * MiB,
    },
    builder: {
      workDir: config.BUILDER_WORK_DIR,
      concurrency: config.BUILD_CONCURRENCY,
      timeoutSeconds: config.BUILD_TIMEOUT_SECONDS,
      leaseSeconds: config.BUILD_LEASE_SECONDS,
      buildahPath: config.BUILDAH_PATH,
      registry: config.REGISTRY_URL ? { host: config.REGISTRY_URL.host, insecure: config.REGISTRY_URL.protocol === 'http:' } : null,
    },
    retention: { graceHours: config.BLOB_RETENTION_GRACE_HOURS, intervalMinutes: config.BLOB_RETENTION_INTERVAL_MINUTES },
  };
}

/** The service's database: schema `build`, its entities and migrations. */
export function databaseOptions(config: Pick<BuildConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  const schema = serviceSchemaName(SERVICE_NAME);
  return {
    url: config.DATABASE_URL,
    schema,
    entities: [Build, BuildStage, BuildLogLine, BuildJob],
    migrations: [createBaseMigration(schema), CreateBuilds1767225600000, AddBuildJobs1767398400000],
  };
}
