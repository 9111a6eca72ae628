import path from 'node:path';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '@dhi/image';
import { createBaseMigration, serviceSchemaName, type ServiceDatabaseOptions } from '@dhi/persistence';
import { envVar, loadConfig, serviceConfigShape } from '@dhi/service-kit';
import { BuildLogLine } from './domain/build-log-line.entity.js';
import { BuildStage } from './domain/build-stage.entity.js';
import { Build } from './domain/build.entity.js';
import { CreateBuilds1767225600000 } from './migrations/1767225600000-create-builds.js';

export const SERVICE_NAME = 'build';
const GiB = 1024 * 1024 * 1024;

function positiveInteger(raw: string): number | undefined {
  if (!/^\d{1,16}$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
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

/** Every environment variable the build service reads, with its default. */
export const buildConfigShape = {
  ...serviceConfigShape(8081),
  /** Consumer group of the timeline handlers; tests use a unique one. */
  KAFKA_GROUP_ID: envVar('a Kafka group id ([A-Za-z0-9._-], 1-200 chars)', (raw) => (/^[A-Za-z0-9._-]{1,200}$/.test(raw) ? raw : undefined), SERVICE_NAME),
  /** Where image blobs are stored by digest; relative paths resolve against the working directory. */
  BLOB_STORE_DIR: envVar('a directory path', (raw) => path.resolve(raw), './.stack/blobs'),
  /** Base URL other services use to reach this one (blob downloads); empty means http://127.0.0.1:<PORT>. */
  PUBLIC_URL: envVar('an http(s) base URL without query or fragment', httpUrl, ''),
  MAX_UPLOAD_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(2 * GiB)),
  IMAGE_MAX_DECOMPRESSED_BYTES: envVar('a positive integer (bytes)', positiveInteger, String(DEFAULT_IMAGE_LIMITS.maxDecompressedBytes)),
  IMAGE_MAX_ENTRIES: envVar('a positive integer', positiveInteger, String(DEFAULT_IMAGE_LIMITS.maxEntries)),
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
  };
}

/** The service's database: schema `build`, its entities and migrations. */
export function databaseOptions(config: Pick<BuildConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  const schema = serviceSchemaName(SERVICE_NAME);
  return {
    url: config.DATABASE_URL,
    schema,
    entities: [Build, BuildStage, BuildLogLine],
    migrations: [createBaseMigration(schema), CreateBuilds1767225600000],
  };
}
