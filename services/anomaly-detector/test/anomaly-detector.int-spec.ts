import { randomUUID } from 'node:crypto';
import { type AnomalyCompleted, dlqTopic, type Envelope, TOPICS } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';
import { EventPublisher } from '@dhi/messaging';
import { pollUntil, sampleImageSpec } from '@dhi/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type BlobServer, startBlobServer } from './support/blob-server.js';
import { buildCompletedEvent, modelPublishedEvent, reviewCompletedEvent } from './support/build-events.js';
import { type RunningDetector, startDetector } from './support/detector-harness.js';
import { startTopicRecorder, type TopicRecorder } from './support/topic-recorder.js';

const DLQ = dlqTopic(TOPICS.buildCompleted);
const WINDOW = 2;

describe('anomaly-detector against real Kafka and PostgreSQL', () => {
  let detector: RunningDetector;
  let blobs: BlobServer;
  let recorder: TopicRecorder;
  let publisher: EventPublisher;
  let image: ImportedImage;

  const lineage = () => `dhi/sample-${randomUUID().slice(0, 8)}`;
  const http = () => request(detector.app.getHttpServer());
  const baselinePath = (name: string) => `/v1/baselines/${encodeURIComponent(name)}`;
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await detector.app.get(DataSource).query(sql, params)) as { n: string }[])[0].n);
  const logged = (msg: string, eventId: string) =>
    pollUntil(() => detector.logs.find((l) => l['msg'] === msg && l['eventId'] === eventId), { timeoutMs: 20_000, description: `"${msg}" for ${eventId}` });
  const dlqReason = (buildId: string) =>
    pollUntil(() => detector.logs.find((l) => l['msg'] === 'message sent to the dead-letter topic' && l['buildId'] === buildId)?.['reason'] as string | undefined);

  /** Publishes a build of the lineage and returns its anomaly.completed. */
  async function analyse(ofLineage: string): Promise<Envelope<AnomalyCompleted>> {
    const event = buildCompletedEvent(image, blobs.baseUrl('good'), ofLineage);
    await publisher.publish(TOPICS.buildCompleted, event);
    return (await recorder.first(TOPICS.anomalyCompleted, event.data.buildId)) as Envelope<AnomalyCompleted>;
  }

  /** Publishes a review verdict and waits until the detector handled it. */
  async function review(buildId: string, ofLineage: string, verdict: 'approved' | 'rejected', decidedAt: Date): Promise<void> {
    const event = reviewCompletedEvent(buildId, ofLineage, verdict, decidedAt);
    await publisher.publish(TOPICS.reviewCompleted, event);
    await pollUntil(() => detector.logs.find((l) => l['eventId'] === event.id && /^(baseline|build not approved|approved build)/.test(String(l['msg']))));
  }

  beforeAll(async () => {
    blobs = await startBlobServer();
    image = await blobs.importImage(sampleImageSpec(`anomaly-${randomUUID()}`));
    detector = await startDetector({ BASELINE_WINDOW: String(WINDOW) });
    recorder = await startTopicRecorder(detector.kafka, [TOPICS.anomalyCompleted, DLQ]);
    publisher = new EventPublisher(detector.kafka);
    await publisher.connect();
  }, 90_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await recorder?.close();
    await detector?.stop();
    await blobs?.close();
  }, 60_000);

  it('profiles a completed build: one anomaly.completed with the real inventory and an empty baseline', async () => {
    const ofLineage = lineage();
    const event = buildCompletedEvent(image, blobs.baseUrl('good'), ofLineage);
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);

    const completed = (await recorder.first(TOPICS.anomalyCompleted, buildId)) as Envelope<AnomalyCompleted>;
    expect(completed).toMatchObject({ source: 'dhi/anomaly-detector', correlationid: event.correlationid, causationid: event.id });
    expect(completed.data).toEqual({
      buildId,
      build: { name: 'dhi/sample', tag: '1.0.0', lineage: ofLineage, submitter: 'alice', imageDigest: image.manifestDigest },
      lineage: ofLineage,
      baseline: { size: 0, version: 0 },
      modelVersion: null,
      score: 0,
      inventory: {
        layerCount: 3,
        fileCount: 7,
        totalSize: image.layers.reduce((sum, layer) => sum + layer.size, 0),
        os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      },
      summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      anomalies: [],
    });
    const anomalies = await http().get(`/v1/builds/${buildId}/anomalies`).expect(200);
    expect(anomalies.body).toEqual({ buildId, lineage: ofLineage, baseline: { size: 0, version: 0 }, modelVersion: null, anomalies: [] });
    await http().get(baselinePath(ofLineage)).expect(404);
  });

  it('keeps one profile and one event when the same envelope, or another event of the same build, arrives again', async () => {
    const event = buildCompletedEvent(image, blobs.baseUrl('good'), lineage());
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);
    const first = await recorder.first(TOPICS.anomalyCompleted, buildId);

    await publisher.publish(TOPICS.buildCompleted, event);
    const again = buildCompletedEvent(image, blobs.baseUrl('good'), event.data.lineage, buildId);
    await publisher.publish(TOPICS.buildCompleted, again);
    await logged('duplicate delivery ignored', event.id);
    await logged('build already profiled; nothing published', again.id);

    expect(await count('SELECT count(*) AS n FROM profiles WHERE build_id = $1', [buildId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE key = $1', [buildId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE key = $1 AND published_at IS NULL', [buildId])).toBe(0);
    expect(recorder.of(TOPICS.anomalyCompleted, buildId).map((e) => e.id)).toEqual([first.id]);
  });

  it('sends an invalid build.completed to the dead-letter topic and goes on with the next one', async () => {
    const bad = buildCompletedEvent(image, blobs.baseUrl('good'), lineage());
    const broken = { ...bad, data: { ...bad.data, lineage: '', image: { ...bad.data.image, digest: 'md5:abc' } } };
    await publisher.publishRaw(TOPICS.buildCompleted, { key: bad.data.buildId, value: JSON.stringify(broken) });
    const valid = buildCompletedEvent(image, blobs.baseUrl('good'), lineage());
    await publisher.publish(TOPICS.buildCompleted, valid);

    expect((await recorder.first(DLQ, bad.data.buildId)).id).toBe(bad.id);
    expect(await dlqReason(bad.data.buildId)).toMatch(/^invalid dhi\.build\.completed\.v1 payload: .*lineage.*image\.digest/);
    await recorder.first(TOPICS.anomalyCompleted, valid.data.buildId);
    expect(recorder.of(TOPICS.anomalyCompleted, bad.data.buildId)).toEqual([]);
  });

  it('dead-letters a build whose blobs come back corrupted, naming the digest mismatch, and publishes nothing', async () => {
    const event = buildCompletedEvent(image, blobs.baseUrl('corrupt'), lineage());
    const { buildId } = event.data;
    await publisher.publish(TOPICS.buildCompleted, event);

    expect((await recorder.first(DLQ, buildId)).id).toBe(event.id);
    expect(await dlqReason(buildId)).toContain(`the image of build ${buildId} cannot be read (digest_mismatch)`);
    expect(detector.logs.filter((l) => l['msg'] === 'event handler failed; retrying' && l['buildId'] === buildId)).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM profiles WHERE build_id = $1', [buildId])).toBe(0);
    expect(recorder.of(TOPICS.anomalyCompleted, buildId)).toEqual([]);
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
      members: [{ buildId: approved.data.buildId, approvedAt: approvedAt.toISOString(), imageDigest: image.manifestDigest }],
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
    expect(await count('SELECT count(*) AS n FROM baseline_members WHERE lineage = $1', [ofLineage])).toBe(WINDOW);
  });

  it('carries the newest published model version into the next analyses', async () => {
    const version = `model-${randomUUID()}`;
    // dated ahead of ordinary model events; parallel test runs publish theirs on the same topic, so the check
    // below is "at least as new as ours" rather than "ours"
    const model = modelPublishedEvent(version, new Date(Date.now() + 86_400_000));
    await publisher.publish(TOPICS.modelPublished, model);
    await logged('model version recorded', model.id);

    const completed = await analyse(lineage());
    const applied = completed.data.modelVersion;
    const atLeastAsNew = 'SELECT count(*) AS n FROM models a, models b WHERE a.version = $1 AND b.version = $2 AND a.published_at >= b.published_at';
    expect(await count(atLeastAsNew, [applied, version])).toBe(1);
    const anomalies = await http().get(`/v1/builds/${completed.data.buildId}/anomalies`).expect(200);
    expect(anomalies.body.modelVersion).toBe(applied);
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
