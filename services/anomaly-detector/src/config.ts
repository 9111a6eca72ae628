import { ModelRecord } from '@dhi/model-registry';
import { createBaseMigration, type PersistenceLogger, type ServiceDatabaseOptions } from '@dhi/persistence';
import { envVar, serviceConfigShape, wholeNumberVar } from '@dhi/service-kit';
import { type z } from 'zod';
import { AnomalyRecord } from './anomaly.entity.js';
import { BaselineMemberRecord } from './baseline-member.entity.js';
import { BaselineRecord } from './baseline.entity.js';
import { CreateAnomalyDetectorTables1767312000000 } from './migrations/1767312000000-create-anomaly-detector-tables.js';
import { AddBuildProfile1767744000000 } from './migrations/1767744000000-add-build-profile.js';
import { ProfileRecord } from './profile.entity.js';

export const SERVICE = 'anomaly-detector';
export const SCHEMA = 'anomaly_detector';

// Kafka's own rule for group ids, so a typo stops the service at start instead of at subscribe time.
const GROUP_ID = /^[A-Za-z0-9._-]{1,249}$/;
const MAX_WINDOW = 1000;

export const anomalyDetectorConfigShape = {
  ...serviceConfigShape(8083),
  /** Tests and side-by-side deployments use their own group so they do not take each other's messages. */
  KAFKA_GROUP_ID: envVar('a Kafka consumer group id (letters, digits, ".", "_", "-")', (raw) => (GROUP_ID.test(raw) ? raw : undefined), SERVICE),
  /** How many of a lineage's most recently approved builds form its baseline. */
  BASELINE_WINDOW: envVar(
    `an integer 1-${MAX_WINDOW}`,
    (raw) => (/^\d{1,4}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_WINDOW ? Number(raw) : undefined),
    '20',
  ),
  /** Below this many approved builds a lineage's drift checks report "baseline too small" instead of guessing. */
  MIN_BASELINE: wholeNumberVar('builds', 1, 100, 3),
  /** Bearer token of administrators (baseline reset); unset: administrative endpoints answer 403. */
  ADMIN_TOKEN: envVar<string | null>('a token of at least 16 characters', (raw) => (raw === '' ? null : raw.length >= 16 ? raw : undefined), ''),
};

export type AnomalyDetectorConfig = z.infer<z.ZodObject<typeof anomalyDetectorConfigShape>>;

/** The anomaly-detector's own schema, entities and migrations (the base migration first). */
export function databaseOptions(config: Pick<AnomalyDetectorConfig, 'DATABASE_URL'>, logger?: PersistenceLogger): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: SCHEMA,
    entities: [ProfileRecord, AnomalyRecord, BaselineRecord, BaselineMemberRecord, ModelRecord],
    migrations: [createBaseMigration(SCHEMA), CreateAnomalyDetectorTables1767312000000, AddBuildProfile1767744000000],
    logger,
  };
}
