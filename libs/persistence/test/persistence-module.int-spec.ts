import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  enqueueEvents,
  OUTBOX_EVENT_SINK,
  OUTBOX_RELAY_OPTIONS,
  OutboxRelayService,
  PersistenceModule,
  runMigrations,
  type TestDatabase,
} from '../src/index.js';
import { adminDatabaseUrl } from './support/env.js';
import { RecordingSink, serviceOptions, TEST_TOPIC, testEnvelope, uniqueSchema } from './support/fixtures.js';
import { pollUntil } from './support/poll-until.js';

describe('PersistenceModule and OutboxRelayService', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(adminDatabaseUrl(), 'persistence_module');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('provides the DataSource of the service schema and relays its outbox for the app lifetime', async () => {
    const options = serviceOptions(db.url, uniqueSchema('nest'));
    await runMigrations(options);
    const sink = new RecordingSink();
    const moduleRef: TestingModule = await Test.createTestingModule({
      imports: [PersistenceModule.forRoot(options)],
      providers: [
        { provide: OUTBOX_EVENT_SINK, useValue: sink },
        { provide: OUTBOX_RELAY_OPTIONS, useValue: { intervalMs: 20 } },
        OutboxRelayService,
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    try {
      const ds = moduleRef.get(DataSource);
      expect(ds.isInitialized).toBe(true);
      expect(await ds.query('SHOW search_path')).toEqual([{ search_path: options.schema }]);
      const envelope = testEnvelope('build-1');
      await ds.transaction(async (manager) => {
        await manager.query("INSERT INTO widgets (id, name) VALUES ('w', 'n')");
        await enqueueEvents(manager, [{ topic: TEST_TOPIC, envelope }]);
      });
      moduleRef.get(OutboxRelayService).kick();
      await pollUntil(() => sink.published.length === 1, { what: 'event relayed' });
      expect(sink.ids()).toEqual([envelope.id]);
      await pollUntil(async () => (await moduleRef.get(OutboxRelayService).pending()) === 0, { what: 'marked published' });
    } finally {
      await moduleRef.close();
    }
  });

  it('fails at definition time without the base migration', () => {
    const options = { ...serviceOptions(db.url, 'svc'), migrations: [] };
    expect(() => PersistenceModule.forRoot(options)).toThrow(expect.objectContaining({ code: 'MISSING_BASE_MIGRATION' }));
  });
});
