export * from './persistence.error.js';
export { assertSchemaName, serviceSchemaName } from './database/schema-name.js';
export {
  createDataSourceOptions,
  DEFAULT_POOL_SIZE,
  type ServiceDatabaseOptions,
  validateServiceDatabaseOptions,
} from './database/database-options.js';
export { BASE_MIGRATION_NAME, createBaseMigration } from './database/base.migration.js';
export { openDatabase, runMigrations } from './database/open-database.js';
export { OutboxMessage } from './outbox/outbox-message.entity.js';
export { enqueueEvents, type OutboxItem } from './outbox/enqueue-events.js';
export { type EventSink, type OutboxRelayOptions } from './outbox/event-sink.js';
export { type PersistenceLogger } from './persistence-logger.js';
export { OutboxRelay } from './outbox/outbox.relay.js';
export { OUTBOX_EVENT_SINK, OUTBOX_RELAY_OPTIONS, OutboxRelayService } from './outbox/outbox-relay.service.js';
export { ProcessedEvent } from './idempotency/processed-event.entity.js';
export { handleOnce, type HandleOnceResult, type ProcessedKey } from './idempotency/handle-once.js';
export { PersistenceModule } from './persistence.module.js';
export { assertTestDatabaseUrl, createTestDatabase, databaseNameOf, type TestDatabase } from './testing/test-database.js';
