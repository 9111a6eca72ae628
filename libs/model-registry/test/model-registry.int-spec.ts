import { randomUUID } from 'node:crypto';
import { createEvent, type Envelope, type ModelPublished, TOPICS } from '@dhi/contracts';
import { createBaseMigration, createTestDatabase, openDatabase, type TestDatabase } from '@dhi/persistence';
import { createLogger } from '@dhi/service-kit';
import { type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createModelsTable, dropModelsTable, ModelRecord, ModelRegistry } from '../src/index.js';

function adminDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: integration tests need a PostgreSQL admin URL where they may CREATE DATABASE');
  return url;
}

// The statements the scanner's and anomaly-detector's first migrations ran before the helper existed.
const ORIGINAL_SQL = (schema: string) => [
  `CREATE TABLE "${schema}"."models" (version text PRIMARY KEY, published_at timestamptz NOT NULL, payload jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX models_published_at_idx ON "${schema}"."models" (published_at DESC, version DESC)`,
];

class CreateModels1767312000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await createModelsTable(runner, 'registry_test');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropModelsTable(runner, 'registry_test');
  }
}

function modelPublished(version: string, time: Date): Envelope<ModelPublished> {
  const data: ModelPublished = {
    modelVersion: version,
    trainingWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
    signals: [{ signal: 'secret.aws-key', weight: 1.5, threshold: 0.4 }],
    metrics: { precision: 0.9, recall: 0.95, falseFlagRate: 0.1, calibration: 0.05 },
  };
  return createEvent(TOPICS.modelPublished, version, data, { source: 'dhi/feedback-trainer', time });
}

describe('model registry on a real PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let registry: ModelRegistry;

  beforeAll(async () => {
    db = await createTestDatabase(adminDatabaseUrl(), 'model_registry');
    dataSource = await openDatabase({
      url: db.url,
      schema: 'registry_test',
      entities: [ModelRecord],
      migrations: [createBaseMigration('registry_test'), CreateModels1767312000000],
    });
    registry = new ModelRegistry(dataSource, 'registry-test', createLogger('registry-test', 'silent'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const describeTable = async (schema: string) => ({
    columns: await dataSource.query(
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'models' ORDER BY ordinal_position`,
      [schema],
    ),
    indexes: ((await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'models' ORDER BY indexname`, [schema])) as {
      indexname: string;
      indexdef: string;
    }[]).map((i) => ({ ...i, indexdef: i.indexdef.replaceAll(`${schema}.`, '') })),
  });

  it('creates the same table and index as the statements the services ran before', async () => {
    await dataSource.query('CREATE SCHEMA registry_original');
    for (const sql of ORIGINAL_SQL('registry_original')) await dataSource.query(sql);
    const helper = await describeTable('registry_test');
    expect(helper.columns).toHaveLength(4);
    expect(helper.indexes.map((i) => i.indexname)).toEqual(['models_pkey', 'models_published_at_idx']);
    expect(helper).toEqual(await describeTable('registry_original'));
  });

  it('has no latest version before the first model, then the most recently published one', async () => {
    expect(await registry.latest()).toBeNull();
    const older = `model-${randomUUID()}`;
    const newer = `model-${randomUUID()}`;
    await registry.record(modelPublished(newer, new Date('2026-02-02T00:00:00Z')));
    await registry.record(modelPublished(older, new Date('2026-02-01T00:00:00Z')));
    expect(await registry.latest()).toBe(newer);
    expect(await dataSource.transaction((manager) => registry.latest(manager))).toBe(newer);
  });

  it('records an event once and keeps the first record of a version announced twice', async () => {
    const version = `model-${randomUUID()}`;
    const first = modelPublished(version, new Date('2026-03-01T00:00:00Z'));
    await registry.record(first);
    await registry.record(first);
    await registry.record(modelPublished(version, new Date('2026-03-05T00:00:00Z')));
    const rows = await dataSource.getRepository(ModelRecord).findBy({ version });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.publishedAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const processed: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM processed_events WHERE consumer = 'registry-test' AND event_id = $1`,
      [first.id],
    );
    expect(processed[0]!.n).toBe(1);
  });
});
