import { type DataSource } from 'typeorm';
import { createTestDatabase, enqueueEvents, openDatabase, OutboxMessage, OutboxRelay, type TestDatabase } from '../src/index.js';
import { adminDatabaseUrl } from './support/env.js';
import { GatedSink, RecordingSink, serviceOptions, TEST_TOPIC, testEnvelope, uniqueSchema } from './support/fixtures.js';
import { pollUntil } from './support/poll-until.js';

describe('transactional outbox', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let schema: string;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(adminDatabaseUrl(), 'persistence_outbox');
  });
  beforeEach(async () => {
    schema = uniqueSchema('outbox');
    ds = await openDatabase(serviceOptions(db.url, schema));
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await ds.destroy();
  });
  afterAll(async () => {
    await db?.drop();
  });

  function relay(sink: RecordingSink, options: ConstructorParameters<typeof OutboxRelay>[2] = {}): OutboxRelay {
    const created = new OutboxRelay(ds, sink, { intervalMs: 20, retryBaseMs: 50, maxBackoffMs: 200, ...options });
    relays.push(created);
    return created;
  }

  async function enqueue(subjects: string[]): Promise<string[]> {
    const envelopes = subjects.map((subject) => testEnvelope(subject));
    await ds.transaction((manager) => enqueueEvents(manager, envelopes.map((envelope) => ({ topic: TEST_TOPIC, envelope }))));
    return envelopes.map((e) => e.id);
  }

  it('leaves nothing in the outbox when the transaction rolls back', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await manager.query("INSERT INTO widgets (id, name) VALUES ('w1', 'widget')");
        await enqueueEvents(manager, [{ topic: TEST_TOPIC, envelope: testEnvelope('build-1') }]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const relayOf = relay(new RecordingSink());
    expect(await relayOf.pending()).toBe(0);
    expect(await ds.query('SELECT * FROM widgets')).toEqual([]);
  });

  it('refuses to enqueue outside a transaction or with an invalid envelope', async () => {
    await expect(enqueueEvents(ds.manager, [{ topic: TEST_TOPIC, envelope: testEnvelope('b') }])).rejects.toMatchObject({
      code: 'NOT_IN_TRANSACTION',
    });
    const bad = { ...testEnvelope('b'), subject: '' };
    await expect(ds.transaction((m) => enqueueEvents(m, [{ topic: TEST_TOPIC, envelope: bad }]))).rejects.toMatchObject({
      code: 'INVALID_ENVELOPE',
    });
  });

  it('publishes committed events in seq order with the subject as key, and marks them published', async () => {
    const ids = [...(await enqueue(['b1', 'b2', 'b1'])), ...(await enqueue(['b3', 'b1']))];
    const sink = new RecordingSink();
    const r = relay(sink);
    expect(await r.pending()).toBe(5);
    r.start();
    await pollUntil(() => sink.published.length === 5, { what: '5 published events' });
    expect(sink.ids()).toEqual(ids);
    expect(sink.published.every((p) => p.topic === TEST_TOPIC)).toBe(true);
    await pollUntil(async () => (await r.pending()) === 0, { what: 'outbox drained' });
    const rows: { id: string; key: string; published: boolean }[] = await ds.query(
      'SELECT id, key, published_at IS NOT NULL AS published FROM outbox ORDER BY seq',
    );
    expect(rows).toEqual(ids.map((id, i) => ({ id, key: ['b1', 'b2', 'b1', 'b3', 'b1'][i], published: true })));
    const entities = await ds.getRepository(OutboxMessage).find({ order: { seq: 'ASC' } });
    expect(entities[0]).toMatchObject({ id: ids[0], topic: TEST_TOPIC, key: 'b1', attempts: 0, lastError: null });
    expect(entities[0].publishedAt).toBeInstanceOf(Date);
    expect(entities[0].envelope).toEqual(sink.published[0].envelope);
  });

  it('publishes events committed while running, woken by kick', async () => {
    const sink = new RecordingSink();
    const r = relay(sink, { intervalMs: 60_000 });
    r.start();
    await pollUntil(async () => (await r.pending()) === 0, { what: 'relay idle' });
    const ids = await enqueue(['b1', 'b2']);
    r.kick();
    await pollUntil(() => sink.published.length === 2, { what: 'kicked publish', timeoutMs: 5000 });
    expect(sink.ids()).toEqual(ids);
  });

  it('retries an event whose first publish failed, keeping the order of its key and losing nothing', async () => {
    const ids = await enqueue(['k1', 'k1', 'k2', 'k1']);
    const sink = new RecordingSink((_envelope, call) => call === 1);
    const r = relay(sink);
    r.start();
    await pollUntil(() => sink.published.length === 4, { what: 'all 4 published' });
    const k1 = [ids[0], ids[1], ids[3]];
    expect(sink.ids().filter((id) => k1.includes(id))).toEqual(k1);
    expect(new Set(sink.ids())).toEqual(new Set(ids));
    const [first]: { attempts: number; last_error: string }[] = await ds.query(
      'SELECT attempts, last_error FROM outbox WHERE id = $1',
      [ids[0]],
    );
    expect(first).toEqual({ attempts: 1, last_error: `sink refused ${ids[0]}` });
  });

  it('does not let an event that keeps failing block other keys', async () => {
    const ids = await enqueue(['poison', 'ok1', 'poison', 'ok2']);
    const sink = new RecordingSink((envelope) => envelope.subject === 'poison');
    const r = relay(sink);
    r.start();
    await pollUntil(() => sink.published.length === 2, { what: 'healthy keys published' });
    expect(sink.ids()).toEqual([ids[1], ids[3]]);
    await pollUntil(() => sink.calls >= 5, { what: 'poison retried' });
    const rows: { id: string; published: boolean; attempts: number }[] = await ds.query(
      'SELECT id, published_at IS NOT NULL AS published, attempts FROM outbox ORDER BY seq',
    );
    // the second poison event is never tried before the first succeeds
    expect(rows.map((row) => [row.published, row.attempts > 0])).toEqual([
      [false, true],
      [true, false],
      [false, false],
      [true, false],
    ]);
    expect(await r.pending()).toBe(2);
  });

  it('publishes each row once when two relays run on the same schema', async () => {
    const ids = await enqueue(Array.from({ length: 60 }, (_, i) => `b${i % 7}`));
    const [sinkA, sinkB] = [new RecordingSink(), new RecordingSink()];
    const [a, b] = [relay(sinkA, { batchSize: 5, intervalMs: 1 }), relay(sinkB, { batchSize: 5, intervalMs: 1 })];
    a.start();
    b.start();
    await pollUntil(() => sinkA.published.length + sinkB.published.length >= 60, { what: '60 published' });
    await pollUntil(async () => (await a.pending()) === 0, { what: 'drained' });
    const all = [...sinkA.ids(), ...sinkB.ids()];
    expect(all).toHaveLength(60);
    expect(new Set(all)).toEqual(new Set(ids));
  });

  it('skips a pass while another relay holds the schema lock', async () => {
    await enqueue(['b1', 'b2']);
    const slow = new GatedSink();
    const busy = relay(slow).publishPending();
    await pollUntil(() => slow.entered, { what: 'first relay inside its batch' });
    const other = new RecordingSink();
    expect(await relay(other).publishPending()).toBe(0);
    slow.open();
    expect(await busy).toBe(2);
    expect(other.published).toEqual([]);
  });

  it('finishes the current batch on stop', async () => {
    await enqueue(['b1', 'b2', 'b3']);
    const sink = new GatedSink();
    const r = relay(sink);
    r.start();
    await pollUntil(() => sink.entered, { what: 'batch started' });
    const stopped = r.stop();
    sink.open();
    await stopped;
    expect(sink.published).toHaveLength(3);
    expect(await r.pending()).toBe(0);
  });

  it('deletes published rows older than the retention and keeps unpublished ones', async () => {
    await enqueue(['b1', 'b2']);
    const sink = new RecordingSink();
    const r = relay(sink, { retentionHours: 0 });
    expect(await r.publishPending()).toBe(2);
    await enqueue(['b3']);
    expect(await r.purge()).toBe(2);
    const rows: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM outbox');
    expect(rows[0].n).toBe(1);
    expect(await r.pending()).toBe(1);
  });
});
