import { randomBytes } from 'node:crypto';
import { TOPICS } from '@dhi/contracts';
import { tapTopics } from '@dhi/messaging';
import { pollUntil, sampleImageSpec, startTestPlatform, type TestPlatform } from '@dhi/testing';
import { archiveOf, getJson, postJson, submitArchive } from '../support/http.js';

interface Build {
  id: string;
  status: string;
  stages: { stage: string; status: string; detail: unknown }[];
  image: { digest: string; layers: unknown[] };
  verdict: { verdict: string; reviewer: string } | null;
}

// The backbone's promise: a real image submitted over HTTP reaches a human verdict through every service over Kafka.
describe('one build through every stage (five service processes, real Kafka and PostgreSQL)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function untilStatus(id: string, status: string): Promise<Build> {
    return pollUntil(
      async () => {
        const build = await getJson<Build>(`${platform.url('build')}/v1/builds/${id}`);
        return build.status === status ? build : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, description: `build ${id} to be ${status}` },
    );
  }

  it.each([
    ['docker-archive', false],
    ['oci-archive', true],
  ] as const)('follows a %s upload (gzip: %s) from submission to an approved verdict', async (format, gzip) => {
    const name = `dhi/e2e-${format}-${randomBytes(3).toString('hex')}`;
    const archive = await archiveOf(sampleImageSpec(name), format, gzip);
    const submitted = await submitArchive(platform.url('build'), archive, { name, tag: '1.0' }, { 'X-Submitter': 'alice' });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body['id']);
    expect(submitted.location).toContain(`/v1/builds/${id}`);

    const inReview = await untilStatus(id, 'in_review');
    expect(inReview.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inReview.image.layers).toHaveLength(3);
    const stage = (s: string) => inReview.stages.find((x) => x.stage === s)?.status;
    expect([stage('scan'), stage('anomaly'), stage('review')]).toEqual(['done', 'done', 'running']);

    const findings = await getJson<{ buildId: string; findings: unknown[] }>(`${platform.url('scanner')}/v1/builds/${id}/findings`);
    expect(findings.buildId).toBe(id);
    const anomalies = await getJson<{ lineage: string; baseline: { size: number } }>(`${platform.url('anomaly-detector')}/v1/builds/${id}/anomalies`);
    expect(anomalies).toMatchObject({ lineage: name, baseline: { size: 0 } });

    const cases = await getJson<{ items: { id: string }[] }>(`${platform.url('review')}/v1/reviews?status=open&buildId=${id}`);
    expect(cases.items).toHaveLength(1);
    const caseUrl = `${platform.url('review')}/v1/reviews/${cases.items[0]!.id}`;

    const selfReview = await postJson(`${caseUrl}/verdict`, { verdict: 'approved', comment: 'mine' }, { 'X-Reviewer': 'alice' });
    expect(selfReview.status).toBe(403);
    expect(selfReview.type).toContain('application/problem+json');
    const verdict = await postJson(`${caseUrl}/verdict`, { verdict: 'approved', comment: 'clean' }, { 'X-Reviewer': 'bob' });
    expect(verdict.status).toBe(200);

    const approved = await untilStatus(id, 'approved');
    expect(approved.verdict).toMatchObject({ verdict: 'approved', reviewer: 'bob' });
    expect(approved.stages.find((x) => x.stage === 'review')?.status).toBe('done');

    const recorded = await pollUntil(
      async () => {
        const events = await getJson<{ items: { type: string }[] }>(`${platform.url('feedback-trainer')}/v1/review-events?buildId=${id}`);
        return events.items.some((e) => e.type === 'review.completed') ? events.items : undefined;
      },
      { timeoutMs: 30_000, description: 'the feedback-trainer to record the verdict' },
    );
    expect(recorded.map((e) => e.type).sort()).toEqual(['review.completed', 'review.opened']);

    const baseline = await pollUntil(
      async () => {
        const response = await fetch(`${platform.url('anomaly-detector')}/v1/baselines/${encodeURIComponent(name)}`);
        return response.status === 200 ? ((await response.json()) as { size: number }) : undefined;
      },
      { timeoutMs: 30_000, description: 'the approved build to join its lineage baseline' },
    );
    expect(baseline.size).toBe(1);
  });

  it('keeps one correlation id and trace across every event of a build', async () => {
    const name = `dhi/e2e-trace-${randomBytes(3).toString('hex')}`;
    const submitted = await submitArchive(platform.url('build'), await archiveOf(sampleImageSpec(name), 'docker-archive'), { name, tag: '2' });
    const id = String(submitted.body['id']);
    await untilStatus(id, 'in_review');
    const topics = [TOPICS.buildRequested, TOPICS.buildCompleted, TOPICS.scanCompleted, TOPICS.anomalyCompleted, TOPICS.reviewOpened];
    const tap = await tapTopics(platform.kafka, topics);
    try {
      const events = await pollUntil(
        () => {
          const mine = tap.json<{ subject: string; type: string; correlationid: string; traceparent: string }>().filter((e) => e.subject === id);
          return new Set(mine.map((e) => e.type)).size === topics.length ? mine : undefined;
        },
        { timeoutMs: 30_000, description: 'every event of the build' },
      );
      expect(new Set(events.map((e) => e.correlationid)).size).toBe(1);
      expect(new Set(events.map((e) => e.traceparent.split('-')[1])).size).toBe(1);
      const keys = tap.records.filter((r) => r.key === id);
      expect(keys.length).toBe(events.length);
    } finally {
      await tap.stop();
    }
  });

  it('answers a bad upload with problem JSON and keeps nothing of it', async () => {
    const name = `dhi/e2e-bad-${randomBytes(3).toString('hex')}`;
    const rejected = await submitArchive(platform.url('build'), randomBytes(4096), { name, tag: '1' });
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    expect(rejected.status).toBeLessThan(500);
    expect(rejected.type).toContain('application/problem+json');
    expect(rejected.body['detail']).toEqual(expect.any(String));
    const list = await getJson<{ items: unknown[] }>(`${platform.url('build')}/v1/builds?name=${encodeURIComponent(name)}`);
    expect(list.items).toHaveLength(0);
  });
});
