import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { dlqTopic, type Envelope, type ReviewOpened, TOPICS } from '@dhi/contracts';
import { type EventPublisher } from '@dhi/messaging';
import { type EventTap, pollUntil, type ServiceUnderTest, startServiceUnderTest, tapEvents } from '@dhi/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OpenCaseService } from '../src/open-case/open-case.service.js';
import { reviewService } from '../src/service.js';
import { anomalyCompleted, buildRef, scanCompleted } from './support/fixtures.js';


describe('review opens exactly one case per build once scan and anomaly results are in', () => {
  let service: ServiceUnderTest;
  let app: INestApplication;
  let db: DataSource;
  let publisher: EventPublisher;
  let tap: EventTap;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      definition: reviewService,
      // many partitions at once, so the scan and anomaly results of one build really are handled concurrently
      consumer: { partitionsConsumedConcurrently: 12, retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } },
    });
    ({ app, publisher } = service);
    db = app.get(DataSource);
    tap = await tapEvents(service.kafka, [TOPICS.reviewOpened, dlqTopic(TOPICS.scanCompleted)]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.stop();
  });

  const casesOf = async (buildId: string) =>
    (await request(app.getHttpServer()).get('/v1/reviews').query({ buildId }).expect(200)).body.items as { id: string }[];
  const openedEventsOf = (buildId: string) => tap.of<ReviewOpened>(TOPICS.reviewOpened, buildId);
  const deadLetters = () => tap.of(dlqTopic(TOPICS.scanCompleted));
  const recordedEventId = async (buildId: string, kind: string) => {
    const rows: { event_id: string }[] = await db.query('SELECT event_id FROM review.analysis_results WHERE build_id = $1 AND kind = $2', [buildId, kind]);
    return rows[0]?.event_id;
  };

  async function expectOneCase(buildId: string, submitter: string): Promise<void> {
    const [summary] = await pollUntil(async () => ((await casesOf(buildId)).length > 0 ? casesOf(buildId) : undefined), {
      timeoutMs: 30_000,
      description: `the case of build ${buildId}`,
    });
    const detail = (await request(app.getHttpServer()).get(`/v1/reviews/${summary!.id}`).expect(200)).body;
    expect(detail).toMatchObject({ buildId, submitter, lineage: 'dhi/node', status: 'open', verdict: null, itemCount: 3 });
    expect(detail.items.map((i: { source: string; kind: string }) => [i.source, i.kind])).toEqual([
      ['scanner', 'vuln.osv'],
      ['scanner', 'secret.aws-key'],
      ['anomaly-detector', 'new-setuid'],
    ]);
    expect(detail.items[0]).toMatchObject({
      confidence: 0.9,
      suppressed: false,
      decision: null,
      evidence: { path: '/usr/lib/x86_64-linux-gnu/libssl.so.3', advisoryIds: ['CVE-2024-0001'] },
      features: { signal: 'vuln.osv', category: 'vulnerability', pathPrefix: '/usr/lib', ecosystem: 'deb', lineage: 'dhi/node', evidenceStrength: 0.9 },
    });
    expect(detail.items[2].features).toMatchObject({ signal: 'new-setuid', category: 'anomaly', layerPosition: 2, pathPrefix: '/usr/local' });
    expect(detail.audit).toEqual([expect.objectContaining({ action: 'case.opened', actor: 'system' })]);
    const [event] = await pollUntil(() => (openedEventsOf(buildId).length > 0 ? openedEventsOf(buildId) : undefined), {
      timeoutMs: 20_000,
      description: `review.opened of build ${buildId}`,
    });
    expect(event!.data).toMatchObject({ caseId: summary!.id, buildId, lineage: 'dhi/node', itemCount: 3 });
    expect(event!.data.items.map((i) => i.itemId)).toEqual(detail.items.map((i: { id: string }) => i.id));
    expect(event!.source).toBe('dhi/review');
  }

  it('opens the case when the anomaly result follows the scan result', async () => {
    const buildId = randomUUID();
    const build = buildRef();
    const scan = scanCompleted(buildId, build);
    await publisher.publish(TOPICS.scanCompleted, scan);
    await pollUntil(() => recordedEventId(buildId, 'scan'), { timeoutMs: 20_000, description: 'the scan result to be recorded' });
    expect(await casesOf(buildId)).toEqual([]);
    await publisher.publish(TOPICS.anomalyCompleted, anomalyCompleted(buildId, build));
    await expectOneCase(buildId, build.submitter);
    const [event] = openedEventsOf(buildId);
    // the case is caused by the event that completed the pair
    expect(event!.causationid).not.toBe(scan.id);
  });

  it('opens the case when the scan result follows the anomaly result', async () => {
    const buildId = randomUUID();
    const build = buildRef();
    await publisher.publish(TOPICS.anomalyCompleted, anomalyCompleted(buildId, build));
    await pollUntil(() => recordedEventId(buildId, 'anomaly'), { timeoutMs: 20_000, description: 'the anomaly result to be recorded' });
    expect(await casesOf(buildId)).toEqual([]);
    await publisher.publish(TOPICS.scanCompleted, scanCompleted(buildId, build));
    await expectOneCase(buildId, build.submitter);
  });

  it('opens exactly one case per build when both results arrive at once, many times, for 10 builds', async () => {
    const builds = Array.from({ length: 10 }, () => ({ buildId: randomUUID(), build: buildRef() }));
    const batch = builds.flatMap(({ buildId, build }) =>
      Array.from({ length: 5 }, () => [
        { topic: TOPICS.scanCompleted, envelope: scanCompleted(buildId, build) },
        { topic: TOPICS.anomalyCompleted, envelope: anomalyCompleted(buildId, build) },
      ]).flat(),
    );
    await publisher.publishBatch(batch);
    const ids = builds.map((b) => b.buildId);
    await pollUntil(
      async () => {
        const rows: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM review.processed_events WHERE event_id = ANY($1)', [
          batch.map((b) => b.envelope.id),
        ]);
        return rows[0]!.n === batch.length;
      },
      { timeoutMs: 60_000, description: 'all 100 analysis events to be handled' },
    );
    const perBuild: { build_id: string; n: number }[] = await db.query(
      'SELECT build_id, count(*)::int AS n FROM review.review_cases WHERE build_id = ANY($1) GROUP BY build_id',
      [ids],
    );
    expect(perBuild.map((r) => r.n)).toEqual(ids.map(() => 1));
    const outboxed: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM review.outbox WHERE topic = $1 AND key = ANY($2)`,
      [TOPICS.reviewOpened, ids],
    );
    expect(outboxed[0]!.n).toBe(10);
    await pollUntil(() => ids.every((id) => openedEventsOf(id).length > 0), { timeoutMs: 30_000, description: 'review.opened of every build' });
    expect(ids.map((id) => openedEventsOf(id).length)).toEqual(ids.map(() => 1));
  });

  it('opens one case when the service itself handles many results of one build concurrently', async () => {
    const service = app.get(OpenCaseService);
    const buildId = randomUUID();
    const build = buildRef();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0 ? service.recordAnalysis('scan', scanCompleted(buildId, build)) : service.recordAnalysis('anomaly', anomalyCompleted(buildId, build)),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === 'opened')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'waiting').length).toBeLessThanOrEqual(4);
    expect(await casesOf(buildId)).toHaveLength(1);
  });

  it('changes nothing when the same events are delivered again', async () => {
    const buildId = randomUUID();
    const build = buildRef();
    const scan = scanCompleted(buildId, build);
    const anomaly = anomalyCompleted(buildId, build);
    await publisher.publishBatch([
      { topic: TOPICS.scanCompleted, envelope: scan },
      { topic: TOPICS.scanCompleted, envelope: scan },
      { topic: TOPICS.anomalyCompleted, envelope: anomaly },
      { topic: TOPICS.anomalyCompleted, envelope: anomaly },
    ]);
    await expectOneCase(buildId, build.submitter);
    const [summary] = await casesOf(buildId);
    // a later result of each kind on the same partitions: once it is recorded, every duplicate before it was handled
    const laterScan = scanCompleted(buildId, build);
    const laterAnomaly = anomalyCompleted(buildId, build);
    await publisher.publishBatch([
      { topic: TOPICS.scanCompleted, envelope: scan },
      { topic: TOPICS.anomalyCompleted, envelope: anomaly },
      { topic: TOPICS.scanCompleted, envelope: laterScan },
      { topic: TOPICS.anomalyCompleted, envelope: laterAnomaly },
    ]);
    await pollUntil(async () => (await recordedEventId(buildId, 'scan')) === laterScan.id, { timeoutMs: 20_000, description: 'the later scan' });
    await pollUntil(async () => (await recordedEventId(buildId, 'anomaly')) === laterAnomaly.id, { timeoutMs: 20_000, description: 'the later anomaly' });
    const detail = (await request(app.getHttpServer()).get(`/v1/reviews/${summary!.id}`).expect(200)).body;
    expect(detail.itemCount).toBe(3);
    expect(detail.audit).toHaveLength(1);
    expect(await casesOf(buildId)).toHaveLength(1);
    const outboxed: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM review.outbox WHERE key = $1`, [buildId]);
    expect(outboxed[0]!.n).toBe(1);
  });

  it('sends invalid and inconsistent events to the dead-letter topic and keeps consuming', async () => {
    const buildId = randomUUID();
    const valid = scanCompleted(buildId, buildRef());
    const invalid = { ...scanCompleted(buildId, buildRef()), data: { buildId, findings: 'none' } };
    const foreign = { ...scanCompleted(buildId, buildRef()), subject: randomUUID() };
    await publisher.publish(TOPICS.scanCompleted, invalid as unknown as Envelope);
    await publisher.publish(TOPICS.scanCompleted, foreign);
    await publisher.publish(TOPICS.scanCompleted, valid);
    await pollUntil(() => deadLetters().some((e) => e.id === invalid.id) && deadLetters().some((e) => e.id === foreign.id), {
      timeoutMs: 30_000,
      description: 'both poison events on the DLQ',
    });
    await pollUntil(async () => (await recordedEventId(buildId, 'scan')) === valid.id, { timeoutMs: 20_000, description: 'the valid scan after them' });
    const processed: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM review.processed_events WHERE event_id = ANY($1)', [
      [invalid.id, foreign.id],
    ]);
    expect(processed[0]!.n).toBe(0);
  });
});
