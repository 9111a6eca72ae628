import { type MigrationInterface } from 'typeorm';
import { ProcessedEvent } from '../idempotency/processed-event.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { BASE_MIGRATION_NAME, createBaseMigration } from './base.migration.js';
import { createDataSourceOptions } from './database-options.js';

class Widget {}
class AddWidgets1767225600000 implements MigrationInterface {
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

describe('createDataSourceOptions', () => {
  const base = { url: 'postgres://u@h/db', schema: 'scanner', entities: [Widget] };

  it('targets the service schema with migrations only', () => {
    const options = createDataSourceOptions({ ...base, migrations: [createBaseMigration('scanner'), AddWidgets1767225600000] });
    expect(options).toMatchObject({
      type: 'postgres',
      schema: 'scanner',
      migrationsTableName: 'migrations',
      synchronize: false,
      migrationsRun: false,
      poolSize: 10,
      extra: { options: '-c search_path=scanner' },
    });
    expect(options.entities).toEqual([Widget, OutboxMessage, ProcessedEvent]);
  });

  it('names the base migration with a timestamp so TypeORM accepts and sorts it first', () => {
    const Base = createBaseMigration('scanner');
    expect(Base.name).toBe(BASE_MIGRATION_NAME);
    expect(Number(Base.name.slice(-13))).toBeLessThan(Number(AddWidgets1767225600000.name.slice(-13)));
  });

  it('rejects a missing or foreign base migration, a bad schema and a pool too small to migrate', () => {
    expect(() => createDataSourceOptions({ ...base, migrations: [AddWidgets1767225600000] })).toThrow(
      expect.objectContaining({ code: 'MISSING_BASE_MIGRATION' }),
    );
    expect(() => createDataSourceOptions({ ...base, migrations: [createBaseMigration('review')] })).toThrow(/review/);
    expect(() => createDataSourceOptions({ ...base, schema: 'Bad-Name', migrations: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEMA_NAME' }),
    );
    expect(() => createDataSourceOptions({ ...base, poolSize: 1, migrations: [createBaseMigration('scanner')] })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => createDataSourceOptions({ ...base, url: '', migrations: [createBaseMigration('scanner')] })).toThrow(
      /DATABASE_URL/,
    );
  });
});
