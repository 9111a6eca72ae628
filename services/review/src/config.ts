import { type ServiceDatabaseOptions, createBaseMigration, serviceSchemaName } from '@dhi/persistence';
import { envVar, serviceConfigShape } from '@dhi/service-kit';
import { type z } from 'zod';
import { AnalysisResult } from './domain/analysis-result.entity.js';
import { AuditEntry } from './domain/audit-entry.entity.js';
import { ReviewCase } from './domain/review-case.entity.js';
import { ReviewItem } from './domain/review-item.entity.js';
import { CreateReviewTables1767400000000 } from './migrations/1767400000000-create-review-tables.js';

export const SERVICE_NAME = 'review';
export const SCHEMA = serviceSchemaName(SERVICE_NAME);

const GROUP_ID = /^[A-Za-z0-9._-]{1,200}$/;

export const reviewConfigShape = {
  ...serviceConfigShape(8084),
  // tests run the service in a group of their own; in production every replica shares the default
  KAFKA_GROUP_ID: envVar('a Kafka group id (letters, digits, . _ -)', (raw) => (GROUP_ID.test(raw) ? raw : undefined), SERVICE_NAME),
};

export type ReviewConfig = z.infer<z.ZodObject<typeof reviewConfigShape>>;

/** The review service's database: its schema, entities and migrations. */
export function databaseOptions(config: Pick<ReviewConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: SCHEMA,
    entities: [AnalysisResult, ReviewCase, ReviewItem, AuditEntry],
    migrations: [createBaseMigration(SCHEMA), CreateReviewTables1767400000000],
  };
}
