import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type BuildRef, type ReviewCompleted, TOPICS } from '@dhi/contracts';
import { type EventPublisher } from '@dhi/messaging';
import { type EventTap, pollUntil, type ServiceUnderTest, startServiceUnderTest, tapEvents } from '@dhi/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { reviewService } from '../src/service.js';
import { anomalyCompleted, buildRef, scanCompleted } from './support/fixtures.js';


describe('review verdicts, case queries and the audit trail', () => {
  let service: ServiceUnderTest;
  let app: INestApplication;
  let publisher: EventPublisher;
  let tap: EventTap;

  beforeAll(async () => {
    service = await startServiceUnderTest({ definition: reviewService, consumer: { retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } } });
    ({ app, publisher } = service);
    tap = await tapEvents(service.kafka, [TOPICS.reviewCompleted]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.stop();
  });

  const http = () => request(app.getHttpServer());

  async function openCase(build: BuildRef = buildRef()): Promise<{ caseId: string; buildId: string; build: BuildRef }> {
    const buildId = randomUUID();
    await publisher.publishBatch([
      { topic: TOPICS.scanCompleted, envelope: scanCompleted(buildId, build) },
      { topic: TOPICS.anomalyCompleted, envelope: anomalyCompleted(buildId, build) },
    ]);
    const caseId = await pollUntil(
      async () => ((await http().get('/v1/reviews').query({ buildId })).body.items as { id: string }[])[0]?.id,
      { timeoutMs: 30_000, description: `the case of build ${buildId}` },
    );
    return { caseId, buildId, build };
  }

  it('closes the case with the verdict, audits it and publishes review.completed', async () => {
    const { caseId, buildId } = await openCase();
    const res = await http()
      .post(`/v1/reviews/${caseId}/verdict`)
      .set('X-Reviewer', 'rita')
      .set('x-correlation-id', 'corr-verdict-1')
      .send({ verdict: 'rejected', comment: 'secret in layer 2' })
      .expect(200);
    expect(res.body).toMatchObject({ id: caseId, buildId, status: 'closed', verdict: 'rejected', reviewer: 'rita', comment: 'secret in layer 2' });
    expect(res.body.closedAt).toEqual(expect.any(String));
    expect(res.body.audit.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ['case.opened', 'system'],
      ['case.verdict', 'rita'],
    ]);
    const event = await pollUntil(() => tap.of<ReviewCompleted>(TOPICS.reviewCompleted, buildId)[0], {
      timeoutMs: 20_000,
      description: 'review.completed',
    });
    expect(event.data).toMatchObject({ caseId, buildId, lineage: 'dhi/node', verdict: 'rejected', comment: 'secret in layer 2', reviewer: 'rita' });
    expect(event.correlationid).toBe('corr-verdict-1');
    const detail = await http().get(`/v1/reviews/${caseId}`).expect(200);
    expect(detail.body.audit).toHaveLength(2);
    expect(detail.body.audit[1]).toMatchObject({ action: 'case.verdict', detail: { verdict: 'rejected', comment: 'secret in layer 2' } });
  });

  it('answers a second verdict with 409 and changes nothing', async () => {
    const { caseId } = await openCase();
    await http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', 'rita').send({ verdict: 'approved' }).expect(200);
    const second = await http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', 'sam').send({ verdict: 'rejected', comment: 'no' }).expect(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(second.body).toMatchObject({ type: 'urn:dhi:problem:review_closed', status: 409, verdict: 'approved' });
    const detail = await http().get(`/v1/reviews/${caseId}`).expect(200);
    expect(detail.body).toMatchObject({ verdict: 'approved', reviewer: 'rita', comment: '' });
    expect(detail.body.audit).toHaveLength(2);
  });

  it('lets exactly one of two racing verdicts win', async () => {
    const { caseId } = await openCase();
    const statuses = await Promise.all(
      ['rita', 'sam'].map(async (reviewer) =>
        (await http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', reviewer).send({ verdict: 'approved' })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect((await http().get(`/v1/reviews/${caseId}`).expect(200)).body.audit).toHaveLength(2);
  });

  it('refuses a verdict by the submitter of the build with 403', async () => {
    const { caseId, build } = await openCase();
    const res = await http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', build.submitter.toUpperCase()).send({ verdict: 'approved' }).expect(403);
    expect(res.body).toMatchObject({ type: 'urn:dhi:problem:self_review', status: 403, title: 'Nobody reviews their own build' });
    expect((await http().get(`/v1/reviews/${caseId}`).expect(200)).body.status).toBe('open');
  });

  it('answers a missing X-Reviewer header with a 400 problem naming the header', async () => {
    const { caseId } = await openCase();
    const res = await http().post(`/v1/reviews/${caseId}/verdict`).send({ verdict: 'approved' }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:dhi:problem:reviewer_required', status: 400 });
    expect(res.body.detail).toContain('X-Reviewer');
    expect(res.body.errors).toEqual([{ path: 'headers.X-Reviewer', message: 'required' }]);
  });

  it('answers invalid bodies with a 400 problem listing the fields', async () => {
    const { caseId } = await openCase();
    const post = (body: unknown) => http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', 'rita').send(body as object);
    const cases: [unknown, string][] = [
      [{ verdict: 'maybe' }, 'verdict'],
      [{ verdict: 'rejected' }, 'comment'],
      [{ verdict: 'rejected', comment: '   ' }, 'comment'],
      [{ verdict: 'approved', comment: 'x'.repeat(4001) }, 'comment'],
      [{ verdict: 'approved', extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await post(body).expect(400);
      expect(res.body).toMatchObject({ type: 'urn:dhi:problem:validation_failed', status: 400 });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const malformed = await http().post(`/v1/reviews/${caseId}/verdict`).set('X-Reviewer', 'rita').set('content-type', 'application/json').send('{"verdict":').expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await http().get(`/v1/reviews/${caseId}`).expect(200)).body.status).toBe('open');
  });

  it('answers unknown case ids with 404 problems', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const get = await http().get(`/v1/reviews/${id}`).expect(404);
      expect(get.body).toMatchObject({ type: 'urn:dhi:problem:review_not_found', status: 404, caseId: id });
      const post = await http().post(`/v1/reviews/${id}/verdict`).set('X-Reviewer', 'rita').send({ verdict: 'approved' }).expect(404);
      expect(post.body).toMatchObject({ type: 'urn:dhi:problem:review_not_found' });
    }
  });

  it('lists cases newest first with status filter and cursor pagination', async () => {
    const made = [await openCase(), await openCase(), await openCase()];
    await http().post(`/v1/reviews/${made[0]!.caseId}/verdict`).set('X-Reviewer', 'rita').send({ verdict: 'approved' }).expect(200);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await http().get('/v1/reviews').query({ limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(made.map((m) => m.caseId)));
    // newest first: the last case opened comes before the first one
    expect(seen.indexOf(made[2]!.caseId)).toBeLessThan(seen.indexOf(made[0]!.caseId));
    const open = (await http().get('/v1/reviews').query({ status: 'open', limit: 100 }).expect(200)).body.items.map((c: { id: string }) => c.id);
    const closed = (await http().get('/v1/reviews').query({ status: 'closed', limit: 100 }).expect(200)).body;
    expect(open).not.toContain(made[0]!.caseId);
    expect(open).toEqual(expect.arrayContaining([made[1]!.caseId, made[2]!.caseId]));
    expect(closed.items.map((c: { id: string }) => c.id)).toContain(made[0]!.caseId);
    expect(closed.items.find((c: { id: string }) => c.id === made[0]!.caseId)).toMatchObject({ status: 'closed', verdict: 'approved', itemCount: 3 });
    for (const query of [{ status: 'pending' }, { limit: 0 }, { limit: 101 }, { buildId: 'x' }, { cursor: 'garbage' }]) {
      const res = await http().get('/v1/reviews').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const { caseId } = await openCase();
    const db = app.get(DataSource);
    await expect(db.query(`UPDATE review.audit_log SET actor = 'mallory' WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM review.audit_log WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
  });
});
