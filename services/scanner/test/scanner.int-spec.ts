import { randomUUID } from 'node:crypto';
import { dlqTopic, type Envelope, type ScanCompleted, TOPICS } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';
import { EventPublisher } from '@dhi/messaging';
import { pollUntil, sampleImageSpec } from '@dhi/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SCANNER_VERSION } from '../src/version.js';
import { type BlobServer, startBlobServer } from './support/blob-server.js';
import { buildCompletedEvent, modelPublishedEvent } from './support/build-events.js';
import { type RunningScanner, startScanner } from './support/scanner-harness.js';
import { startTopicRecorder, type TopicRecorder } from './support/topic-recorder.js';

const DLQ = dlqTopic(TOPICS.buildCompleted);

describe('scanner against real Kafka and PostgreSQL', () => {
  let scanner: RunningScanner;
  let blobs: BlobServer;
  let recorder: TopicRecorder;
  let publisher: EventPublisher;
  let image: ImportedImage;

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await scanner.app.get(DataSource).query(sql, params)) as { n: string }[])[0].n);
  const http = () => request(scanner.app.getHttpServer());
  const dlqReason = (buildId: string) =>
    pollUntil(() => scanner.logs.find((l) => l['msg'] === 'message sent to the dead-letter topic' && l['buildId'] === buildId)?.['reason'] as string | undefined);

  beforeAll(async () => {
    blobs = await startBlobServer();
    image = await blobs.importImage(sampleImageSpec(`scanner-${randomUUID()}`));
    scanner = await startScanner();
    recorder = await startTopicRecorder(scanner.kafka, [TOPICS.scanCompleted, TOPICS.findings, DLQ]);
    publisher = new EventPublisher(scanner.kafka);
    await publisher.connect();
  }, 90_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await recorder?.close();
    await scanner?.stop();
    await blobs?.close();
  }, 60_000);

  it('scans a completed build: one scan.completed with the real inventory, served over HTTP', async () => {
    const event = buildCompletedEvent(image, blobs.baseUrl('good'));
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);

    const completed = (await recorder.first(TOPICS.scanCompleted, buildId)) as Envelope<ScanCompleted>;
    expect(completed).toMatchObject({ source: 'dhi/scanner', correlationid: event.correlationid, causationid: event.id });
    expect(completed.data).toEqual({
      buildId,
      build: { name: 'dhi/sample', tag: '1.0.0', lineage: 'dhi/sample', submitter: 'alice', imageDigest: image.manifestDigest },
      scannerVersion: SCANNER_VERSION,
      modelVersion: null,
      sbomRef: null,
      packageCount: 0,
      inventory: {
        layerCount: 3,
        fileCount: 7,
        totalSize: image.layers.reduce((sum, layer) => sum + layer.size, 0),
        os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      },
      summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      findings: [],
    });
    expect(SCANNER_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    // every layer was read through the blob API
    for (const layer of image.layers) expect(blobs.requests).toContain(`good ${layer.digest}`);

    const findings = await http().get(`/v1/builds/${buildId}/findings`).expect(200);
    expect(findings.body).toEqual({ buildId, modelVersion: null, findings: [] });
    const scan = await http().get(`/v1/scans/${buildId}`).expect(200);
    expect(scan.body).toMatchObject({ buildId, scannerVersion: SCANNER_VERSION, inventory: completed.data.inventory, packageCount: 0 });
    expect(recorder.of(TOPICS.findings, buildId)).toEqual([]);
  });

  it('keeps one scan and one event when the same envelope, or another event of the same build, arrives again', async () => {
    const event = buildCompletedEvent(image, blobs.baseUrl('good'));
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);
    const first = await recorder.first(TOPICS.scanCompleted, buildId);

    await publisher.publish(TOPICS.buildCompleted, event);
    const again = buildCompletedEvent(image, blobs.baseUrl('good'), buildId);
    await publisher.publish(TOPICS.buildCompleted, again);
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'duplicate delivery ignored' && l['eventId'] === event.id), { timeoutMs: 20_000 });
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'build already scanned; nothing published' && l['eventId'] === again.id), { timeoutMs: 20_000 });

    expect(await count('SELECT count(*) AS n FROM scans WHERE build_id = $1', [buildId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE key = $1', [buildId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE key = $1 AND published_at IS NULL', [buildId])).toBe(0);
    expect(recorder.of(TOPICS.scanCompleted, buildId).map((e) => e.id)).toEqual([first.id]);
  });

  it('sends an invalid build.completed to the dead-letter topic and goes on with the next one', async () => {
    const valid = buildCompletedEvent(image, blobs.baseUrl('good'));
    const bad = buildCompletedEvent(image, blobs.baseUrl('good'));
    const badBuildId = bad.data.buildId;
    const broken = { ...bad, data: { ...bad.data, name: 'Not A Valid Name', image: undefined } };
    await publisher.publishRaw(TOPICS.buildCompleted, { key: badBuildId, value: JSON.stringify(broken) });
    await publisher.publish(TOPICS.buildCompleted, valid);

    const dead = await recorder.first(DLQ, badBuildId);
    expect(dead.id).toBe(bad.id);
    expect(await dlqReason(badBuildId)).toMatch(/^invalid dhi\.build\.completed\.v1 payload: .*name.*image/);
    await recorder.first(TOPICS.scanCompleted, valid.data.buildId);
    expect(recorder.of(TOPICS.scanCompleted, badBuildId)).toEqual([]);
  });

  it('dead-letters a build whose blobs come back corrupted, naming the digest mismatch, and publishes nothing', async () => {
    const event = buildCompletedEvent(image, blobs.baseUrl('corrupt'));
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);

    expect((await recorder.first(DLQ, buildId)).id).toBe(event.id);
    const reason = await dlqReason(buildId);
    expect(reason).toContain(`the image of build ${buildId} cannot be read (digest_mismatch)`);
    // poison: straight to the dead-letter topic, no retries
    expect(scanner.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === buildId)).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM scans WHERE build_id = $1', [buildId])).toBe(0);
    expect(recorder.of(TOPICS.scanCompleted, buildId)).toEqual([]);
    const problem = await http().get(`/v1/builds/${buildId}/findings`).expect(404);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('retries a blob API that fails for a while, and dead-letters a blob that stays missing after the retries', async () => {
    blobs.failNext(2);
    const flaky = buildCompletedEvent(image, blobs.baseUrl('flaky'));
    await publisher.publish(TOPICS.buildCompleted, flaky);
    await recorder.first(TOPICS.scanCompleted, flaky.data.buildId);
    const retries = scanner.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === flaky.data.buildId);
    // other test runs' consumers of the shared topic may take one of the 503s, so this one sees one or two
    expect([[1], [1, 2]]).toContainEqual(retries.map((l) => l['attempt']));
    expect(retries[0]['error']).toMatch(new RegExp(`^reading the image of build ${flaky.data.buildId} failed: GET .*/flaky/sha256:[0-9a-f]{64} failed with HTTP 503$`));

    const missing = buildCompletedEvent(image, blobs.baseUrl('missing'));
    await publisher.publish(TOPICS.buildCompleted, missing);
    await recorder.first(DLQ, missing.data.buildId);
    expect(await dlqReason(missing.data.buildId)).toMatch(/^handler failed after 4 attempts: blob sha256:[0-9a-f]{64} is not available/);
  });

  it('carries the newest published model version into the next scans', async () => {
    const version = `model-${randomUUID()}`;
    // dated ahead of ordinary model events; parallel test runs publish theirs on the same topic, so the check
    // below is "at least as new as ours" rather than "ours"
    const model = modelPublishedEvent(version, new Date(Date.now() + 86_400_000));
    await publisher.publish(TOPICS.modelPublished, model);
    await publisher.publish(TOPICS.modelPublished, model);
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'model version recorded' && l['modelVersion'] === version));

    const event = buildCompletedEvent(image, blobs.baseUrl('good'));
    await publisher.publish(TOPICS.buildCompleted, event);
    const completed = (await recorder.first(TOPICS.scanCompleted, event.data.buildId)) as Envelope<ScanCompleted>;
    const applied = completed.data.modelVersion;
    const atLeastAsNew = 'SELECT count(*) AS n FROM models a, models b WHERE a.version = $1 AND b.version = $2 AND a.published_at >= b.published_at';
    expect(await count(atLeastAsNew, [applied, version])).toBe(1);
    const findings = await http().get(`/v1/builds/${event.data.buildId}/findings`).expect(200);
    expect(findings.body.modelVersion).toBe(applied);
    expect(await count('SELECT count(*) AS n FROM models WHERE version = $1', [version])).toBe(1);
  });

  it('answers bad and unknown ids with problem JSON, and documents its API', async () => {
    const invalid = await http().get('/v1/builds/not-a-uuid/findings').expect(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', status: 400 });
    const unknown = randomUUID();
    const missing = await http().get(`/v1/scans/${unknown}`).expect(404);
    expect(missing.body).toMatchObject({ type: 'urn:dhi:problem:scan_not_found', status: 404, buildId: unknown });
    await http().get('/v1/scans/nope').expect(400);

    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/builds/{id}/findings', '/v1/scans/{buildId}']));
    await http().get('/health/ready').expect(200);
  });
});
