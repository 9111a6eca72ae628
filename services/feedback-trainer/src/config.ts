import { type ServiceDatabaseOptions, createBaseMigration, serviceSchemaName } from '@dhi/persistence';
import { envVar, serviceConfigShape } from '@dhi/service-kit';
import { type z } from 'zod';
import { Model } from './domain/model.entity.js';
import { ReviewEvent } from './domain/review-event.entity.js';
import { CreateTrainerTables1767400000000 } from './migrations/1767400000000-create-trainer-tables.js';

export const SERVICE_NAME = 'feedback-trainer';
export const SCHEMA = serviceSchemaName(SERVICE_NAME);

const GROUP_ID = /^[A-Za-z0-9._-]{1,200}$/;

export const trainerConfigShape = {
  ...serviceConfigShape(8085),
  // tests run the service in a group of their own; in production every replica shares the default
  KAFKA_GROUP_ID: envVar('a Kafka group id (letters, digits, . _ -)', (raw) => (GROUP_ID.test(raw) ? raw : undefined), SERVICE_NAME),
};

export type TrainerConfig = z.infer<z.ZodObject<typeof trainerConfigShape>>;

/** The trainer's database: its schema, entities and migrations. */
export function databaseOptions(config: Pick<TrainerConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: SCHEMA,
    entities: [ReviewEvent, Model],
    migrations: [createBaseMigration(SCHEMA), CreateTrainerTables1767400000000],
  };
}
