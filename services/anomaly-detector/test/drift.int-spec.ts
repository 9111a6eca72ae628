import { randomUUID } from 'node:crypto';
import { type AnomalyCompleted, TOPICS } from '@dhi/contracts';
import { type AnalyserUnderTest, buildCompletedEvent, type FixtureImageSpec, pollUntil, reviewCompletedEvent, sampleImageSpec, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { anomalyDetectorService } from '../src/service.js';

const ADMIN_TOKEN = `admin-${randomUUID()}`;
const RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** The sample image with what an attacker or a careless change adds: a setuid tool, a second root, sshd's port. */
function tampered(seed: string): FixtureImageSpec {
  const spec = sampleImageSpec(seed);
  return {
    layers: [
      ...spec.layers,
      [
        { path: '/usr/bin/', type: 'dir' },
        { path: '/usr/bin/helper', content: `#!/bin/sh\n# ${seed}\nexec /bin/sh "$@"\n`, mode: 0o4755 },
        { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1000:1000::/app:/usr/sbin/nologin\nsupport:x:0:0::/root:/bin/sh\n' },
      ],
    ],
    config: { ...spec.config, ExposedPorts: { ...spec.config?.ExposedPorts, '22/tcp': {} } },
  };
}

describe('anomalies against a lineage baseline of approved builds (real Kafka and PostgreSQL)', () => {
  let detector: AnalyserUnderTest;
  const http = () => request(detector.app.getHttpServer());
  const lineage = `dhi/drift-${randomUUID().slice(0, 8)}`;
  const baselinePath = `/v1/baselines/${encodeURIComponent(lineage)}`;

  async function analyse(spec: FixtureImageSpec): Promise<AnomalyCompleted> {
    const image = await detector.blobs.importImage(spec);
    const event = buildCompletedEvent(image, detector.blobs.baseUrl('good'), { lineage });
    await detector.publisher.publish(TOPICS.buildCompleted, event);
    return (await detector.tap.first<AnomalyCompleted>(TOPICS.anomalyCompleted, event.data.buildId)).envelope.data;
  }

  async function approve(buildId: string, at: Date): Promise<void> {
    const event = reviewCompletedEvent(buildId, lineage, 'approved', at);
    await detector.publisher.publish(TOPICS.reviewCompleted, event);
    await pollUntil(() => detector.logs.find((l) => l['eventId'] === event.id && /^(baseline|approved build)/.test(String(l['msg']))), { timeoutMs: 20_000 });
  }

  const aboveLow = (completed: AnomalyCompleted) => completed.anomalies.filter((a) => RANK[a.severity] < RANK.low);

  beforeAll(async () => {
    detector = await startAnalyserUnderTest({ definition: anomalyDetectorService, topics: [TOPICS.anomalyCompleted], env: { ADMIN_TOKEN, MIN_BASELINE: '3' } });
    // three ordinary builds of the lineage: their application files differ, nothing else
    for (const [day, seed] of ['one', 'two', 'three'].entries()) {
      const completed = await analyse(sampleImageSpec(`drift-${seed}`));
      await approve(completed.buildId, new Date(Date.UTC(2026, 5, day + 1)));
    }
  }, 240_000);

  afterAll(() => detector?.stop(), 60_000);

  it('raises nothing above low for another ordinary build of the lineage', async () => {
    const completed = await analyse(sampleImageSpec('drift-four'));
    expect(completed.baseline).toEqual({ size: 3, version: 3 });
    expect(aboveLow(completed)).toEqual([]);
    expect(completed.anomalies.some((a) => a.kind === 'baseline_too_small')).toBe(false);
  });

  it('explains each deviation of a tampered build, with evidence and a score', async () => {
    const completed = await analyse(tampered('drift-tampered'));
    const byKind = new Map(completed.anomalies.map((a) => [a.kind, a]));
    expect(byKind.get('setuid_added')).toMatchObject({ severity: 'high', evidence: expect.objectContaining({ path: '/usr/bin/helper' }) });
    expect(byKind.get('uid0_extra')?.explanation).toContain('support');
    expect(byKind.get('port_added')?.explanation).toContain('22/tcp');
    expect(byKind.get('user_added')?.explanation).toContain('support');
    expect(byKind.get('unowned_executable')?.evidence).toMatchObject({ path: '/usr/bin/helper' });
    for (const anomaly of completed.anomalies) expect(anomaly.explanation.length).toBeGreaterThan(20);
    expect(completed.score).toBeGreaterThan(0);
    const served = await http().get(`/v1/builds/${completed.buildId}/anomalies`).expect(200);
    expect(served.body.anomalies.map((a: { id: string }) => a.id).sort()).toEqual(completed.anomalies.map((a) => a.id).sort());
    expect(served.body.anomalies[0].severity).toBe('high');
  });

  it('lets only an administrator reset the baseline, after which drift checks say the baseline is too small', async () => {
    await http().post(`${baselinePath}/reset`).expect(401);
    await http().post(`${baselinePath}/reset`).set('Authorization', 'Bearer not-the-admin-token').expect(403);
    const reset = await http().post(`${baselinePath}/reset`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).set('X-Admin', 'carol').expect(200);
    expect(reset.body).toMatchObject({ lineage, removedMembers: 3, resetBy: 'carol', version: 4 });
    const baseline = await http().get(baselinePath).expect(200);
    expect(baseline.body).toMatchObject({ size: 0, version: 4, members: [] });

    const cold = await analyse(tampered('drift-cold'));
    expect(cold.baseline).toEqual({ size: 0, version: 4 });
    const kinds = cold.anomalies.map((a) => a.kind);
    expect(kinds).toContain('baseline_too_small');
    // absolute checks still run without a baseline; drift checks do not guess
    expect(kinds).toContain('uid0_extra');
    expect(kinds).not.toContain('setuid_added');
    await http().post(`/v1/baselines/${encodeURIComponent('dhi/no-such-lineage')}/reset`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(404);
  });
});
