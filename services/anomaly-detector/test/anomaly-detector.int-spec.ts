import { randomUUID } from 'node:crypto';
import { type AnomalyCompleted, dlqTopic, type Envelope, TOPICS } from '@dhi/contracts';
import { type AnalyserUnderTest, buildCompletedEvent, modelPublishedEvent, pollUntil, reviewCompletedEvent, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { anomalyDetectorService } from '../src/service.js';

const DLQ = dlqTopic(TOPICS.buildCompleted);
const WINDOW = 2;

describe('anomaly-detector against real Kafka and PostgreSQL', () => {
  let detector: AnalyserUnderTest;

  const lineage = () => `dhi/sample-${randomUUID().slice(0, 8)}`;
  const http = () => request(detector.app.getHttpServer());
  const baselinePath = (name: string) => `/v1/baselines/${encodeURIComponent(name)}`;
  const logged = (msg: string, eventId: string) =>
    pollUntil(() => detector.logs.find((l) => l['msg'] === msg && l['eventId'] === eventId), { timeoutMs: 20_000, description: `"${msg}" for ${eventId}` });

  /** Publishes a build of the lineage and returns its anomaly.completed. */
  async function analyse(ofLineage: string): Promise<Envelope<AnomalyCompleted>> {
    const event = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: ofLineage });
    await detector.publisher.publish(TOPICS.buildCompleted, event);
    return (await detector.tap.first<AnomalyCompleted>(TOPICS.anomalyCompleted, event.data.buildId)).envelope;
  }

  /** Publishes a review verdict and waits until the detector handled it. */
  async function review(buildId: string, ofLineage: string, verdict: 'approved' | 'rejected', decidedAt: Date): Promise<void> {
    const event = reviewCompletedEvent(buildId, ofLineage, verdict, decidedAt);
    await detector.publisher.publish(TOPICS.reviewCompleted, event);
    await pollUntil(() => detector.logs.find((l) => l['eventId'] === event.id && /^(baseline|build not approved|approved build)/.test(String(l['msg']))));
  }

  beforeAll(async () => {
    detector = await startAnalyserUnderTest({
      definition: anomalyDetectorService,
      topics: [TOPICS.anomalyCompleted],
      env: { BASELINE_WINDOW: String(WINDOW) },
      consumer: { retry: { attempts: 4, initialDelayMs: 50, maxDelayMs: 200 } },
    });
  }, 150_000);

  afterAll(() => detector?.stop(), 60_000);

  it('profiles a completed build: one anomaly.completed with the real inventory and an empty baseline', async () => {
    const ofLineage = lineage();
    const event = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: ofLineage });
    const { buildId } = event.data;
    await detector.publisher.publish(TOPICS.buildCompleted, event);

    const completed = (await detector.tap.first<AnomalyCompleted>(TOPICS.anomalyCompleted, buildId)).envelope;
    expect(completed).toMatchObject({ source: 'dhi/anomaly-detector', correlationid: event.correlationid, causationid: event.id });
    expect(completed.data).toEqual({
      buildId,
      build: { name: 'dhi/sample', tag: '1.0.0', lineage: ofLineage, submitter: 'alice', imageDigest: detector.image.manifestDigest },
      lineage: ofLineage,
      baseline: { size: 0, version: 0 },
      modelVersion: null,
      score: 0,
      inventory: {
        layerCount: 3,
        fileCount: 7,
        totalSize: detector.image.layers.reduce((sum, layer) => sum + layer.size, 0),
        os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      },
      summary: { critical: 0, high: 0, medium: 0, low: 0, info: 1 },
      anomalies: [expect.objectContaining({ kind: 'baseline_too_small', severity: 'info', explanation: 'baseline has 0 of 3 approved builds: drift checks skipped' })],
    });
    const anomalies = await http().get(`/v1/builds/${buildId}/anomalies`).expect(200);
    expect(anomalies.body).toEqual({
      buildId,
      lineage: ofLineage,
      baseline: { size: 0, version: 0 },
      modelVersion: null,
      score: 0,
      anomalies: completed.data.anomalies,
      notes: expect.any(Array),
    });
    await http().get(baselinePath(ofLineage)).expect(404);
  });

  it('keeps one profile and one event when the same envelope, or another event of the same build, arrives again', async () => {
    const event = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: lineage() });
    const { buildId } = event.data;
    await detector.publisher.publish(TOPICS.buildCompleted, event);
    const first = (await detector.tap.first(TOPICS.anomalyCompleted, buildId)).envelope;

    await detector.publisher.publish(TOPICS.buildCompleted, event);
    const again = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: event.data.lineage, buildId });
    await detector.publisher.publish(TOPICS.buildCompleted, again);
    await logged('duplicate delivery ignored', event.id);
    await logged('build already profiled; nothing published', again.id);

    expect(await detector.count('SELECT count(*) AS n FROM profiles WHERE build_id = $1', [buildId])).toBe(1);
    expect(await detector.count('SELECT count(*) AS n FROM outbox WHERE key = $1', [buildId])).toBe(1);
    expect(await detector.count('SELECT count(*) AS n FROM outbox WHERE key = $1 AND published_at IS NULL', [buildId])).toBe(0);
    expect(detector.tap.of(TOPICS.anomalyCompleted, buildId).map((e) => e.id)).toEqual([first.id]);
  });

  it('sends an invalid build.completed to the dead-letter topic and goes on with the next one', async () => {
    const bad = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: lineage() });
    const broken = { ...bad, data: { ...bad.data, lineage: '', image: { ...bad.data.image, digest: 'md5:abc' } } };
    await detector.publisher.publishRaw(TOPICS.buildCompleted, { key: bad.data.buildId, value: JSON.stringify(broken) });
    const valid = buildCompletedEvent(detector.image, detector.blobs.baseUrl('good'), { lineage: lineage() });
    await detector.publisher.publish(TOPICS.buildCompleted, valid);

    expect((await detector.tap.first(DLQ, bad.data.buildId)).envelope.id).toBe(bad.id);
    expect(await detector.dlqReason(bad.data.buildId)).toMatch(/^invalid dhi\.build\.completed\.v1 payload: .*lineage.*image\.digest/);
    await detector.tap.first(TOPICS.anomalyCompleted, valid.data.buildId);
    expect(detector.tap.of(TOPICS.anomalyCompleted, bad.data.buildId)).toEqual([]);
  });

  it('dead-letters a build whose blobs come back corrupted, naming the digest mismatch, and publishes nothing', async () => {
    const event = buildCompletedEvent(detector.image, detector.blobs.baseUrl('corrupt'), { lineage: lineage() });
    const { buildId } = event.data;
    await detector.publisher.publish(TOPICS.buildCompleted, event);

    expect((await detector.tap.first(DLQ, buildId)).envelope.id).toBe(event.id);
    expect(await detector.dlqReason(buildId)).toContain(`the image of build ${buildId} cannot be read (digest_mismatch)`);
    expect(detector.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === buildId)).toEqual([]);
    expect(await detector.count('SELECT count(*) AS n FROM profiles WHERE build_id = $1', [buildId])).toBe(0);
    expect(detector.tap.of(TOPICS.anomalyCompleted, buildId)).toEqual([]);
    const problem = await http().get(`/v1/builds/${buildId}/anomalies`).expect(404);
    expect(problem.body).toMatchObject({ type: 'urn:dhi:problem:profile_not_found', buildId });
  });

  it('adds an approved build to its lineage baseline, which the next build of the lineage is compared with', async () => {
    const ofLineage = lineage();
    const approved = await analyse(ofLineage);
    const approvedAt = new Date('2026-03-01T10:00:00.000Z');
    await review(approved.data.buildId, ofLineage, 'approved', approvedAt);

    const baseline = await http().get(baselinePath(ofLineage)).expect(200);
    expect(baseline.body).toMatchObject({
      lineage: ofLineage,
      version: 1,
      size: 1,
      members: [{ buildId: approved.data.buildId, approvedAt: approvedAt.toISOString(), imageDigest: detector.image.manifestDigest }],
    });

    const next = await analyse(ofLineage);
    expect(next.data.baseline).toEqual({ size: 1, version: 1 });
    const anomalies = await http().get(`/v1/builds/${next.data.buildId}/anomalies`).expect(200);
    expect(anomalies.body.baseline).toEqual({ size: 1, version: 1 });

    // a rejected build, a repeated approval and an approval of a build never profiled change nothing
    await review(next.data.buildId, ofLineage, 'rejected', new Date('2026-03-02T10:00:00Z'));
    await review(approved.data.buildId, ofLineage, 'approved', new Date('2026-03-03T10:00:00Z'));
    await review(randomUUID(), ofLineage, 'approved', new Date('2026-03-04T10:00:00Z'));
    const after = await http().get(baselinePath(ofLineage)).expect(200);
    expect(after.body).toMatchObject({ version: 1, size: 1, members: [{ buildId: approved.data.buildId }] });
  });

  it(`keeps only the newest ${WINDOW} approved builds in a baseline`, async () => {
    const ofLineage = lineage();
    const builds = [await analyse(ofLineage), await analyse(ofLineage), await analyse(ofLineage), await analyse(ofLineage)];
    const at = (day: number) => new Date(Date.UTC(2026, 3, day, 12));
    await review(builds[0].data.buildId, ofLineage, 'approved', at(1));
    await review(builds[1].data.buildId, ofLineage, 'approved', at(2));
    await review(builds[2].data.buildId, ofLineage, 'approved', at(3));
    // approved after the others, but decided earlier than every member: it does not displace them
    await review(builds[3].data.buildId, ofLineage, 'approved', at(0));

    const baseline = await http().get(baselinePath(ofLineage)).expect(200);
    expect(baseline.body).toMatchObject({ version: 3, size: WINDOW });
    expect(baseline.body.members.map((m: { buildId: string }) => m.buildId)).toEqual([builds[2].data.buildId, builds[1].data.buildId]);
    expect(await detector.count('SELECT count(*) AS n FROM baseline_members WHERE lineage = $1', [ofLineage])).toBe(WINDOW);
  });

  it('carries the newest published model version into the next analyses', async () => {
    const version = `model-${randomUUID()}`;
    const model = modelPublishedEvent(version, new Date(), [{ signal: 'anomaly.new-setuid', weight: 1.2, threshold: 0.5 }]);
    await detector.publisher.publish(TOPICS.modelPublished, model);
    await logged('model version recorded', model.id);

    const completed = await analyse(lineage());
    expect(completed.data.modelVersion).toBe(version);
    const anomalies = await http().get(`/v1/builds/${completed.data.buildId}/anomalies`).expect(200);
    expect(anomalies.body.modelVersion).toBe(version);
  });

  it('answers bad and unknown ids with problem JSON, and documents its API', async () => {
    const invalid = await http().get('/v1/builds/not-a-uuid/anomalies').expect(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', status: 400 });
    const missing = await http().get(baselinePath('dhi/never-approved')).expect(404);
    expect(missing.body).toMatchObject({ type: 'urn:dhi:problem:baseline_not_found', lineage: 'dhi/never-approved' });
    await http().get(`/v1/baselines/${'x'.repeat(256)}`).expect(400);

    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/builds/{id}/anomalies', '/v1/baselines/{lineage}']));
    await http().get('/health/ready').expect(200);
  });
});
