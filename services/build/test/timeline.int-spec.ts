import { randomUUID } from 'node:crypto';
import { dlqTopic, type Envelope, TOPICS } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { anomalyCompleted, type BuildFacts, reviewCompleted, reviewOpened, scanCompleted, scanRematched } from './support/analysis-events.js';
import { sampleArchive } from './support/archives.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

interface View extends BuildFacts {
  status: string;
  updatedAt: string;
  stages: { stage: string; status: string; startedAt: string | null; finishedAt: string | null; detail: string | null }[];
  summary: { findings: Record<string, number> | null; anomalies: Record<string, number> | null };
  verdict: { verdict: string; reviewer: string; comment: string; decidedAt: string } | null;
}

describe('the build timeline follows analysis and review events', () => {
  let service: BuildTestApp;
  let dlq: TopicTap;

  beforeAll(async () => {
    service = await startBuildTestApp();
    dlq = await tapTopics(service.kafka, [dlqTopic(TOPICS.scanCompleted)]);
  });

  afterAll(async () => {
    await dlq?.stop();
    await service?.close();
  });

  async function submit(): Promise<View> {
    const response = await request(service.server)
      .post('/v1/builds')
      .field('name', uniqueName('timeline'))
      .field('tag', '1')
      .attach('image', await sampleArchive(randomUUID()), 'image.tar')
      .expect(202);
    return view(response.body.id as string);
  }

  const view = async (id: string): Promise<View> => (await request(service.server).get(`/v1/builds/${id}`).expect(200)).body as View;
  const stage = (build: View, name: string) => build.stages.find((s) => s.stage === name)!;
  const publish = (topic: string, envelope: Envelope) => service.publisher.publish(topic, envelope);
  const until = (id: string, description: string, check: (build: View) => boolean) =>
    pollUntil(async () => {
      const build = await view(id);
      return check(build) ? build : undefined;
    }, { timeoutMs: 20_000, description });
  const logLines = async (id: string) => (await request(service.server).get(`/v1/builds/${id}/logs`).expect(200)).text.trim().split('\n');

  it('records scan and anomaly results, the review, the verdict, and ignores a redelivered event', async () => {
    const build = await submit();
    const scan = scanCompleted(build, { high: 2, low: 1 });
    await publish(TOPICS.scanCompleted, scan);
    const scanned = await until(build.id, 'scan done', (b) => stage(b, 'scan').status === 'done');
    expect(scanned.status).toBe('analysing');
    expect(scanned.summary.findings).toEqual({ critical: 0, high: 2, medium: 0, low: 1, info: 0 });
    expect(stage(scanned, 'scan').detail).toBe('3 findings (2 high, 1 low), 3 packages, scanner scanner-test');
    expect(stage(scanned, 'scan').finishedAt).toBe(scan.time);

    // the same envelope again, then another event on the same partition as a barrier
    await publish(TOPICS.scanCompleted, scan);
    await publish(TOPICS.anomalyCompleted, anomalyCompleted(build, { medium: 1 }));
    const analysed = await until(build.id, 'anomaly done', (b) => stage(b, 'anomaly').status === 'done');
    expect(analysed.summary).toEqual({ findings: scanned.summary.findings, anomalies: { critical: 0, high: 0, medium: 1, low: 0, info: 0 } });
    expect(stage(analysed, 'scan')).toEqual(stage(scanned, 'scan'));
    expect((await logLines(build.id)).filter((l) => l.includes(' scan info scan completed')).length).toBe(1);

    const caseId = randomUUID();
    await publish(TOPICS.reviewOpened, reviewOpened(build, caseId));
    const inReview = await until(build.id, 'in review', (b) => b.status === 'in_review');
    expect(stage(inReview, 'review')).toMatchObject({ status: 'running', detail: `review case ${caseId} opened with 0 items` });

    const decision = reviewCompleted(build, 'approved', 'carol', caseId);
    await publish(TOPICS.reviewCompleted, decision);
    const approved = await until(build.id, 'approved', (b) => b.status === 'approved');
    const data = decision.data as { decidedAt: string };
    expect(approved.verdict).toEqual({ verdict: 'approved', reviewer: 'carol', comment: 'approved in a test', decidedAt: data.decidedAt });
    expect(stage(approved, 'review')).toMatchObject({ status: 'done', finishedAt: data.decidedAt, detail: 'approved by carol: approved in a test' });

    // a final status never changes: a late review.opened and another verdict are recorded as handled, nothing more
    await publish(TOPICS.reviewOpened, reviewOpened(build));
    await publish(TOPICS.reviewCompleted, reviewCompleted(build, 'rejected', 'dave'));
    await pollUntil(async () => (await logLines(build.id)).some((l) => l.includes('rejected by dave')), { timeoutMs: 20_000, description: 'late verdict handled' });
    const after = await view(build.id);
    expect(after.status).toBe('approved');
    expect(after.verdict).toEqual(approved.verdict);
    expect(stage(after, 'review').status).toBe('done');

    // an advisory change re-matched the approved build: its counts follow, its status and verdict stay
    await publish(TOPICS.scanRematched, scanRematched(build, { high: 3, low: 1 }, { detected: ['vuln-0123456789abcdef01234567'] }));
    const rematched = await until(build.id, 'counts re-matched', (b) => b.summary.findings?.['high'] === 3);
    expect(rematched).toMatchObject({ status: 'approved', verdict: approved.verdict });
    expect(stage(rematched, 'scan').detail).toBe('re-matched after an advisory update (1 new, 0 changed, 0 resolved): 4 findings (3 high, 1 low)');
    expect((await logLines(build.id)).some((l) => l.includes('advisories GHSA-35jh-r3h4-6jhm'))).toBe(true);
  });

  it('tolerates events in an unexpected order and never moves a build backwards', async () => {
    const build = await submit();
    await publish(TOPICS.reviewCompleted, reviewCompleted(build, 'rejected', 'erin'));
    const rejected = await until(build.id, 'rejected', (b) => b.status === 'rejected');
    expect(rejected.verdict).toMatchObject({ verdict: 'rejected', reviewer: 'erin' });
    await publish(TOPICS.scanCompleted, scanCompleted(build, { critical: 1 }));
    const scanned = await until(build.id, 'scan done', (b) => stage(b, 'scan').status === 'done');
    expect(scanned.status).toBe('rejected');
    expect(scanned.summary.findings).toMatchObject({ critical: 1 });
  });

  it('sends a poison message to the DLQ and ignores events of unknown builds, then keeps consuming', async () => {
    const marker = `poison-${randomUUID()}`;
    await service.publisher.publishRaw(TOPICS.scanCompleted, { key: marker, value: JSON.stringify({ specversion: '1.0', marker }) });
    const stranger = scanCompleted({ id: randomUUID(), name: 'dhi/unknown', tag: '1', lineage: 'dhi/unknown', submitter: 'x', image: { digest: `sha256:${'a'.repeat(64)}` } }, {});
    await publish(TOPICS.scanCompleted, stranger);
    const build = await submit();
    await publish(TOPICS.scanCompleted, scanCompleted(build, { info: 4 }));
    await until(build.id, 'scan done after the poison', (b) => stage(b, 'scan').status === 'done');

    const dead = await pollUntil(() => dlq.records.find((r) => r.key === marker), { timeoutMs: 20_000, description: 'the poison message in the DLQ' });
    expect(dead.headers['dhi-dlq-reason']).toMatch(/invalid envelope/);
    expect(dead.headers['dhi-dlq-original-topic']).toBe(TOPICS.scanCompleted);
    // the unknown build's event was handled (recorded once) rather than retried into the DLQ
    await pollUntil(async () => {
      const rows = (await service.dataSource.query('SELECT 1 FROM processed_events WHERE event_id = $1', [stranger.id])) as unknown[];
      return rows.length === 1;
    }, { timeoutMs: 20_000, description: 'the unknown build event recorded' });
    expect(dlq.records.some((r) => r.key === stranger.subject)).toBe(false);
  });
});
