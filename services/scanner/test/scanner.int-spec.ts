import { randomUUID } from 'node:crypto';
import { dlqTopic, type FindingPublished, type ScanCompleted, TOPICS } from '@dhi/contracts';
import { type AnalyserUnderTest, buildCompletedEvent, modelPublishedEvent, pollUntil, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { scannerService } from '../src/service.js';
import { SCANNER_VERSION } from '../src/version.js';

const DLQ = dlqTopic(TOPICS.buildCompleted);

describe('scanner against real Kafka and PostgreSQL', () => {
  let scanner: AnalyserUnderTest;
  const http = () => request(scanner.app.getHttpServer());

  beforeAll(async () => {
    scanner = await startAnalyserUnderTest({
      definition: scannerService,
      topics: [TOPICS.scanCompleted, TOPICS.findings],
      consumer: { retry: { attempts: 4, initialDelayMs: 50, maxDelayMs: 200 } },
    });
  }, 150_000);

  afterAll(() => scanner?.stop(), 60_000);

  it('scans a completed build: one scan.completed with the real inventory, served over HTTP', async () => {
    const event = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    const { buildId } = event.data;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);

    const completed = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, buildId)).envelope;
    expect(completed).toMatchObject({ source: 'dhi/scanner', correlationid: event.correlationid, causationid: event.id });
    expect(completed.data).toEqual({
      buildId,
      build: { name: 'dhi/sample', tag: '1.0.0', lineage: 'dhi/sample', submitter: 'alice', imageDigest: scanner.image.manifestDigest },
      scannerVersion: SCANNER_VERSION,
      modelVersion: null,
      sbomRef: `/v1/builds/${buildId}/sbom`,
      packageCount: 3,
      inventory: {
        layerCount: 3,
        fileCount: 7,
        totalSize: scanner.image.layers.reduce((sum, layer) => sum + layer.size, 0),
        os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      },
      summary: { critical: 0, high: 0, medium: 0, low: 3, info: 0 },
      findings: expect.any(Array),
      findingCount: 3,
      findingsTruncated: false,
    });
    // the sample image runs as uid 1000 with a Debian-like base and no advisories imported: only its metadata gaps
    expect(completed.data.findings.map((f) => `${f.ruleId} ${f.severity} ${f.title}`).sort()).toEqual([
      'config.missing-provenance-label low Label org.opencontainers.image.revision is missing',
      'config.missing-provenance-label low Label org.opencontainers.image.source is missing',
      'config.no-healthcheck low Image has no HEALTHCHECK',
    ]);
    expect(SCANNER_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    // every layer was read through the blob API
    for (const layer of scanner.image.layers) expect(scanner.blobs.requests).toContain(`good ${layer.digest}`);

    const findings = await http().get(`/v1/builds/${buildId}/findings`).expect(200);
    expect(findings.body).toMatchObject({ buildId, modelVersion: null });
    expect(findings.body.findings.map((f: { id: string }) => f.id)).toEqual(completed.data.findings.map((f) => f.id));
    const scan = await http().get(`/v1/scans/${buildId}`).expect(200);
    expect(scan.body).toMatchObject({ buildId, scannerVersion: SCANNER_VERSION, inventory: completed.data.inventory, packageCount: 3 });
    const published = await pollUntil(() => {
      const events = scanner.tap.of<FindingPublished>(TOPICS.findings, buildId);
      return events.length === completed.data.findings.length ? events : undefined;
    }, { timeoutMs: 20_000 });
    expect(published.map((e) => e.data.finding.id).sort()).toEqual(completed.data.findings.map((f) => f.id).sort());
  });

  it('keeps one scan and one event when the same envelope, or another event of the same build, arrives again', async () => {
    const event = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    const { buildId } = event.data;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);
    const first = (await scanner.tap.first(TOPICS.scanCompleted, buildId)).envelope;

    await scanner.publisher.publish(TOPICS.buildCompleted, event);
    const again = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'), { buildId });
    await scanner.publisher.publish(TOPICS.buildCompleted, again);
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'duplicate delivery ignored' && l['eventId'] === event.id), { timeoutMs: 20_000 });
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'build already scanned; nothing published' && l['eventId'] === again.id), { timeoutMs: 20_000 });

    expect(await scanner.count('SELECT count(*) AS n FROM scans WHERE build_id = $1', [buildId])).toBe(1);
    // scan.completed and one findings event per finding, each once
    const findings = await scanner.count('SELECT count(*) AS n FROM findings WHERE build_id = $1', [buildId]);
    expect(await scanner.count('SELECT count(*) AS n FROM outbox WHERE key = $1', [buildId])).toBe(1 + findings);
    await pollUntil(async () => (await scanner.count('SELECT count(*) AS n FROM outbox WHERE key = $1 AND published_at IS NULL', [buildId])) === 0 || undefined, { timeoutMs: 20_000 });
    expect(scanner.tap.of(TOPICS.scanCompleted, buildId).map((e) => e.id)).toEqual([first.id]);
  });

  it('sends an invalid build.completed to the dead-letter topic and goes on with the next one', async () => {
    const valid = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    const bad = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    const badBuildId = bad.data.buildId;
    const broken = { ...bad, data: { ...bad.data, name: 'Not A Valid Name', image: undefined } };
    await scanner.publisher.publishRaw(TOPICS.buildCompleted, { key: badBuildId, value: JSON.stringify(broken) });
    await scanner.publisher.publish(TOPICS.buildCompleted, valid);

    const dead = await scanner.tap.first(DLQ, badBuildId);
    expect(dead.envelope.id).toBe(bad.id);
    expect(await scanner.dlqReason(badBuildId)).toMatch(/^invalid dhi\.build\.completed\.v1 payload: .*name.*image/);
    await scanner.tap.first(TOPICS.scanCompleted, valid.data.buildId);
    expect(scanner.tap.of(TOPICS.scanCompleted, badBuildId)).toEqual([]);
  });

  it('dead-letters a build whose blobs come back corrupted, naming the digest mismatch, and publishes nothing', async () => {
    const event = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('corrupt'));
    const { buildId } = event.data;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);

    expect((await scanner.tap.first(DLQ, buildId)).envelope.id).toBe(event.id);
    const reason = await scanner.dlqReason(buildId);
    expect(reason).toContain(`the image of build ${buildId} cannot be read (digest_mismatch)`);
    // poison: straight to the dead-letter topic, no retries
    expect(scanner.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === buildId)).toEqual([]);
    expect(await scanner.count('SELECT count(*) AS n FROM scans WHERE build_id = $1', [buildId])).toBe(0);
    expect(scanner.tap.of(TOPICS.scanCompleted, buildId)).toEqual([]);
    const problem = await http().get(`/v1/builds/${buildId}/findings`).expect(404);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('retries a blob API that fails for a while, and dead-letters a blob that stays missing after the retries', async () => {
    scanner.blobs.failNext(2);
    const flaky = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('flaky'));
    await scanner.publisher.publish(TOPICS.buildCompleted, flaky);
    await scanner.tap.first(TOPICS.scanCompleted, flaky.data.buildId);
    const retries = scanner.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === flaky.data.buildId);
    expect(retries.map((l) => l['attempt'])).toEqual([1, 2]);
    expect(retries[0]['error']).toMatch(new RegExp(`^reading the image of build ${flaky.data.buildId} failed: GET .*/flaky/sha256:[0-9a-f]{64} failed with HTTP 503$`));

    const missing = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('missing'));
    await scanner.publisher.publish(TOPICS.buildCompleted, missing);
    await scanner.tap.first(DLQ, missing.data.buildId);
    expect(await scanner.dlqReason(missing.data.buildId)).toMatch(/^handler failed after 4 attempts: blob sha256:[0-9a-f]{64} is not available/);
  });

  it('carries the newest published model version into the next scans', async () => {
    const version = `model-${randomUUID()}`;
    const model = modelPublishedEvent(version, new Date());
    await scanner.publisher.publish(TOPICS.modelPublished, model);
    await scanner.publisher.publish(TOPICS.modelPublished, model);
    await pollUntil(() => scanner.logs.find((l) => l['msg'] === 'model version recorded' && l['modelVersion'] === version));

    const event = buildCompletedEvent(scanner.image, scanner.blobs.baseUrl('good'));
    await scanner.publisher.publish(TOPICS.buildCompleted, event);
    const completed = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, event.data.buildId)).envelope;
    expect(completed.data.modelVersion).toBe(version);
    const findings = await http().get(`/v1/builds/${event.data.buildId}/findings`).expect(200);
    expect(findings.body.modelVersion).toBe(version);
    expect(await scanner.count('SELECT count(*) AS n FROM models WHERE version = $1', [version])).toBe(1);
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
