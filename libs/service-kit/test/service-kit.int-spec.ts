import { randomUUID } from 'node:crypto';
import { type INestApplication, Module } from '@nestjs/common';
import { TOPICS } from '@dhi/contracts';
import { ensureTopics, type KafkaSettings } from '@dhi/messaging';
import { createTestDatabase, PersistenceModule, runMigrations, type TestDatabase } from '@dhi/persistence';
import request from 'supertest';
import { HealthModule, runService } from '../src/index.js';
import { integrationEnv } from './support/env.js';
import { captureLogger } from './support/log-capture.js';
import { pollUntil } from './support/poll-until.js';
import { Inbox, testAppModule, testDatabase } from './support/test-app.module.js';

const env = integrationEnv();
const kafka: KafkaSettings = { brokers: env.kafkaBrokers, clientId: 'service-kit-test', retries: 2, connectionTimeoutMs: 2000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('runService + PlatformModule against real Postgres and Kafka', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let consumerStatus = 'unknown';
  const logs = captureLogger('kit-test');

  beforeAll(async () => {
    db = await createTestDatabase(env.databaseUrl, 'kit');
    await runMigrations(testDatabase(db.url));
    await ensureTopics(kafka, [TOPICS.buildRequested]);
    app = await runService({
      name: 'kit-test',
      module: testAppModule({ database: testDatabase(db.url), kafka }),
      port: 0,
      kafka,
      consumerGroup: `kit-test-${randomUUID()}`,
      // A fresh group reads only what is published from now on; the shared topic's history is other tests' data.
      consumer: { fromBeginning: false, retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 50 } },
      openApi: { title: 'Kit test', description: 'service-kit integration test' },
      logger: logs.logger,
    });
    const [consumer] = (app as unknown as { getMicroservices(): { status: { subscribe(fn: (s: string) => void): unknown } }[] }).getMicroservices();
    consumer?.status.subscribe((status) => (consumerStatus = status));
    await pollUntil('the consumer to join its group', () => consumerStatus === 'connected', { timeoutMs: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 60_000);

  it('GET /health/live answers 200 while the process is up', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 when the database and Kafka answer', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });
  });

  it('echoes x-correlation-id, generates one when missing, and logs the request with it', async () => {
    const given = await request(app.getHttpServer()).get('/health/live').set('x-correlation-id', 'corr-abc-123');
    expect(given.headers['x-correlation-id']).toBe('corr-abc-123');
    const generated = await request(app.getHttpServer()).get('/health/live').set('x-correlation-id', 'bad id <script>');
    expect(generated.headers['x-correlation-id']).toMatch(UUID);
    const line = await pollUntil('the access log line', () =>
      logs.lines.find((l) => l['msg'] === 'request completed' && l['correlationId'] === 'corr-abc-123'),
    );
    expect(line).toMatchObject({ service: 'kit-test', level: 'debug', method: 'GET', path: '/health/live', route: '/health/live', status: 200 });
  });

  it('serves an OpenAPI 3 document at /docs-json and Swagger UI at /docs', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info).toMatchObject({ title: 'Kit test', description: 'service-kit integration test' });
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/ready', '/v1/things', '/v1/things/{id}']));
    const ui = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers an AppError with problem+json carrying type, instance and correlationId', async () => {
    const res = await request(app.getHttpServer()).get('/v1/things/t-1?x=y').set('x-correlation-id', 'corr-404').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'urn:dhi:problem:thing_not_found',
      title: 'Thing not found',
      status: 404,
      detail: 'No thing with id t-1',
      instance: '/v1/things/t-1',
      correlationId: 'corr-404',
      thingId: 't-1',
    });
  });

  it('answers invalid bodies, malformed JSON, unknown routes and crashes with problem+json', async () => {
    const server = app.getHttpServer();
    const invalid = await request(server).post('/v1/things').send({ name: 'UPPER' }).expect(400);
    expect(invalid.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', status: 400 });
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['name', 'tag']);
    const malformed = await request(server).post('/v1/things').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknown = await request(server).get('/v1/nothing-here').expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:dhi:problem:not_found', instance: '/v1/nothing-here' });
    const crash = await request(server).post('/v1/things/crash').set('x-correlation-id', 'corr-500').expect(500);
    expect(crash.body).toMatchObject({ type: 'urn:dhi:problem:internal_error', correlationId: 'corr-500' });
    expect(JSON.stringify(crash.body)).not.toContain('hunter2');
    expect(logs.lines.find((l) => l['correlationId'] === 'corr-500' && l['level'] === 'error')).toBeDefined();
  });

  it('publishes outbox events through the relay and consumes them with the event log context', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/things')
      .set('x-correlation-id', 'corr-flow-1')
      .send({ name: 'widget', tag: '1.0' })
      .expect(201);
    const id = res.body.id as string;
    const inbox = app.get(Inbox);
    const event = await pollUntil('the consumer to receive the event', () => inbox.events.find((e) => e.subject === id));
    expect(event).toMatchObject({ type: TOPICS.buildRequested, correlationid: 'corr-flow-1' });
    // the handler's log line carries the event's ids; the HTTP handler's line carries the request's, after body parsing
    expect(logs.lines.find((l) => l['msg'] === 'thing requested' && l['eventId'] === event.id)).toMatchObject({
      buildId: id,
      correlationId: 'corr-flow-1',
      traceparent: event.traceparent,
    });
    expect(logs.lines.find((l) => l['msg'] === 'submitting thing')).toMatchObject({ correlationId: 'corr-flow-1' });
  });

  it('retries a message whose handler failed, in the same event log context', async () => {
    const res = await request(app.getHttpServer()).post('/v1/things').send({ name: 'flaky', tag: '2' }).expect(201);
    const id = res.body.id as string;
    await pollUntil('the retried event', () => app.get(Inbox).events.find((e) => e.subject === id));
    const tries = logs.lines.filter((l) => l['msg'] === 'thing requested' && l['buildId'] === id).map((l) => l['attempt']);
    expect(tries).toEqual([1, 2]);
  });

  it('exposes Prometheus metrics with the HTTP request counter', async () => {
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/v1\/things\/:id",status="404"\} \d+/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('writes only JSON lines with service, level, time', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const line of logs.lines) expect(line).toEqual(expect.objectContaining({ service: 'kit-test', level: expect.any(String), time: expect.any(String) }));
  });
});

describe('readiness with an unreachable Kafka', () => {
  it('GET /health/ready answers 503 with details naming the broken dependency', async () => {
    const db = await createTestDatabase(integrationEnv().databaseUrl, 'kit');
    const database = testDatabase(db.url);
    const wrongKafka: KafkaSettings = { brokers: ['127.0.0.1:1'], clientId: 'service-kit-test', retries: 0, connectionTimeoutMs: 500 };
    @Module({ imports: [PersistenceModule.forRoot(database), HealthModule.forRoot({ kafka: wrongKafka })] })
    class ReadinessOnlyModule {}
    const logs = captureLogger('kit-test-ready');
    let app: INestApplication | undefined;
    try {
      await runMigrations(database);
      app = await runService({ name: 'kit-test-ready', module: ReadinessOnlyModule, port: 0, kafka: wrongKafka, openApi: { title: 't', description: 'd' }, logger: logs.logger });
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        status: 'error',
        error: { kafka: { status: 'down', brokers: ['127.0.0.1:1'] } },
        details: { database: { status: 'up' }, kafka: { status: 'down' } },
      });
      await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(logs.lines.find((l) => l['msg'] === 'not ready')).toMatchObject({ level: 'warn' });
    } finally {
      await app?.close();
      await db.drop();
    }
  }, 30_000);
});
