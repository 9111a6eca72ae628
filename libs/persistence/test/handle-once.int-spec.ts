import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { createTestDatabase, enqueueEvents, handleOnce, openDatabase, type TestDatabase } from '../src/index.js';
import { adminDatabaseUrl } from './support/env.js';
import { serviceOptions, TEST_TOPIC, testEnvelope, uniqueSchema } from './support/fixtures.js';

describe('handleOnce', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(adminDatabaseUrl(), 'persistence_handle_once');
    ds = await openDatabase(serviceOptions(db.url, uniqueSchema('consumer')));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  async function widgetCount(): Promise<number> {
    const rows: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM widgets');
    return rows[0].n;
  }

  function addWidget(id: string) {
    return async (manager: DataSource['manager']) => {
      await manager.query('INSERT INTO widgets (id, name) VALUES ($1, $2)', [id, 'w']);
      return id;
    };
  }

  it('runs the handler once and reports a redelivery as a duplicate without running it', async () => {
    const key = { consumer: 'scanner.on-build-completed', eventId: randomUUID() };
    const before = await widgetCount();
    expect(await handleOnce(ds, key, addWidget(randomUUID()))).toEqual({ duplicate: false, result: expect.any(String) });
    const second = jest.fn(addWidget(randomUUID()));
    expect(await handleOnce(ds, key, second)).toEqual({ duplicate: true });
    expect(second).not.toHaveBeenCalled();
    expect(await widgetCount()).toBe(before + 1);
  });

  it('records nothing when the handler throws, so the event can be retried', async () => {
    const key = { consumer: 'c', eventId: randomUUID() };
    const id = randomUUID();
    await expect(
      handleOnce(ds, key, async (manager) => {
        await addWidget(id)(manager);
        throw new Error('transient');
      }),
    ).rejects.toThrow('transient');
    expect(await ds.query('SELECT 1 FROM widgets WHERE id = $1', [id])).toEqual([]);
    expect(await handleOnce(ds, key, addWidget(id))).toEqual({ duplicate: false, result: id });
  });

  it('treats the same event id for different consumers independently', async () => {
    const eventId = randomUUID();
    expect((await handleOnce(ds, { consumer: 'a', eventId }, async () => 1)).duplicate).toBe(false);
    expect((await handleOnce(ds, { consumer: 'b', eventId }, async () => 2)).duplicate).toBe(false);
  });

  it('runs exactly one of two concurrent deliveries', async () => {
    const key = { consumer: 'c', eventId: randomUUID() };
    const before = await widgetCount();
    const results = await Promise.all([
      handleOnce(ds, key, addWidget(randomUUID())),
      handleOnce(ds, key, addWidget(randomUUID())),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await widgetCount()).toBe(before + 1);
  });

  it('commits effects, outbox events and the processed mark together', async () => {
    const key = { consumer: 'c', eventId: randomUUID() };
    const envelope = testEnvelope('build-9');
    await expect(
      handleOnce(ds, key, async (manager) => {
        await enqueueEvents(manager, [{ topic: TEST_TOPIC, envelope }]);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow();
    expect(await ds.query('SELECT 1 FROM outbox WHERE id = $1', [envelope.id])).toEqual([]);
    await handleOnce(ds, key, (manager) => enqueueEvents(manager, [{ topic: TEST_TOPIC, envelope }]));
    expect(await ds.query('SELECT 1 FROM outbox WHERE id = $1', [envelope.id])).toHaveLength(1);
    expect(await ds.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [key.consumer, key.eventId])).toHaveLength(1);
  });

  it('rejects an empty key', async () => {
    await expect(handleOnce(ds, { consumer: '', eventId: 'x' }, async () => 1)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
