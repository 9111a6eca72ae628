import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { dlqTopic, type Envelope, TOPICS } from '@dhi/contracts';
import { type EventPublisher } from '@dhi/messaging';
import { type EventTap, pollUntil, type ServiceUnderTest, startServiceUnderTest, tapEvents } from '@dhi/testing';
import request from 'supertest';
import { trainerService } from '../src/service.js';
import { reviewCompleted, reviewDecision, reviewOpened } from './support/fixtures.js';


describe('feedback-trainer records review events and reports training counts', () => {
  let service: ServiceUnderTest;
  let app: INestApplication;
  let publisher: EventPublisher;
  let tap: EventTap;

  beforeAll(async () => {
    service = await startServiceUnderTest({ definition: trainerService, consumer: { retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } } });
    ({ app, publisher } = service);
    tap = await tapEvents(service.kafka, [dlqTopic(TOPICS.reviewCompleted)]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.stop();
  });

  const http = () => request(app.getHttpServer());
  const eventsOf = async (buildId: string) =>
    (await http().get('/v1/review-events').query({ buildId }).expect(200)).body.items as { eventId: string; type: string }[];

  it('has no model yet: an empty list, no current model, and 404 for /v1/models/current', async () => {
    const models = await http().get('/v1/models').expect(200);
    expect(models.body).toMatchObject({ items: [], current: null });
    const current = await http().get('/v1/models/current').expect(404);
    expect(current.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(current.body).toMatchObject({ type: 'urn:dhi:problem:no_model', status: 404, detail: 'no model has been published yet' });
  });

  it('counts review.opened, review.decision and review.completed events, each once even when redelivered', async () => {
    const before = (await http().get('/v1/models').expect(200)).body.training;
    const first = { buildId: randomUUID(), caseId: randomUUID() };
    const second = { buildId: randomUUID(), caseId: randomUUID() };
    const opened = reviewOpened(first.buildId, first.caseId);
    const completed = reviewCompleted(first.buildId, first.caseId, 'approved');
    const batch: { topic: string; envelope: Envelope }[] = [
      { topic: TOPICS.reviewOpened, envelope: opened },
      { topic: TOPICS.reviewOpened, envelope: opened },
      { topic: TOPICS.reviewDecision, envelope: reviewDecision(first.buildId, first.caseId) },
      { topic: TOPICS.reviewCompleted, envelope: completed },
      { topic: TOPICS.reviewCompleted, envelope: completed },
      { topic: TOPICS.reviewOpened, envelope: reviewOpened(second.buildId, second.caseId) },
      { topic: TOPICS.reviewCompleted, envelope: reviewCompleted(second.buildId, second.caseId, 'rejected') },
    ];
    await publisher.publishBatch(batch);
    // a later event on each topic of the first build: once it is recorded, every duplicate before it was handled
    const lastOpened = reviewOpened(first.buildId, first.caseId);
    const lastCompleted = reviewCompleted(first.buildId, first.caseId, 'approved');
    await publisher.publishBatch([
      { topic: TOPICS.reviewOpened, envelope: lastOpened },
      { topic: TOPICS.reviewCompleted, envelope: lastCompleted },
    ]);
    await pollUntil(
      async () => {
        const ids = (await eventsOf(first.buildId)).map((e) => e.eventId);
        return ids.includes(lastOpened.id) && ids.includes(lastCompleted.id) && (await eventsOf(second.buildId)).length === 2;
      },
      { timeoutMs: 30_000, description: 'all review events recorded' },
    );
    const firstEvents = await eventsOf(first.buildId);
    expect(firstEvents.filter((e) => e.eventId === opened.id)).toHaveLength(1);
    expect(firstEvents.filter((e) => e.eventId === completed.id)).toHaveLength(1);
    expect(firstEvents).toHaveLength(5);
    const training = (await http().get('/v1/models').expect(200)).body.training;
    expect(training).toEqual({
      events: before.events + 7,
      byType: {
        'review.opened': before.byType['review.opened'] + 3,
        'review.decision': before.byType['review.decision'] + 1,
        'review.completed': before.byType['review.completed'] + 3,
      },
      verdicts: { approved: before.verdicts.approved + 2, rejected: before.verdicts.rejected + 1 },
      cases: before.cases + 2,
      lastEventAt: expect.any(String),
    });
    const completedRow = firstEvents.find((e) => e.eventId === completed.id);
    expect(completedRow).toMatchObject({ type: 'review.completed', caseId: first.caseId, lineage: 'dhi/node', verdict: 'approved' });
  });

  it('pages through recorded events with a cursor and rejects bad queries with 400 problems', async () => {
    const buildId = randomUUID();
    const caseId = randomUUID();
    const sent = [reviewOpened(buildId, caseId), reviewDecision(buildId, caseId), reviewDecision(buildId, caseId), reviewCompleted(buildId, caseId, 'rejected')];
    await publisher.publishBatch(sent.map((envelope) => ({ topic: envelope.type, envelope })));
    await pollUntil(async () => (await eventsOf(buildId)).length === 4, { timeoutMs: 30_000, description: 'four recorded events' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await http().get('/v1/review-events').query({ buildId, limit: 3, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...res.body.items.map((e: { eventId: string }) => e.eventId));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(sent.map((e) => e.id).sort());
    for (const query of [{ limit: 0 }, { limit: 101 }, { buildId: 'nope' }, { cursor: 'garbage' }]) {
      const res = await http().get('/v1/review-events').query(query).expect(400);
      expect(res.body).toMatchObject({ status: 400 });
    }
  });

  it('sends an invalid review event to the dead-letter topic and records nothing of it', async () => {
    const buildId = randomUUID();
    const invalid = { ...reviewCompleted(buildId, randomUUID(), 'approved'), data: { buildId, verdict: 'perhaps' } };
    const valid = reviewCompleted(buildId, randomUUID(), 'rejected');
    await publisher.publish(TOPICS.reviewCompleted, invalid as unknown as Envelope);
    await publisher.publish(TOPICS.reviewCompleted, valid);
    await pollUntil(() => tap.of(dlqTopic(TOPICS.reviewCompleted)).some((e) => e.id === invalid.id), { timeoutMs: 30_000, description: 'the invalid event on the DLQ' });
    await pollUntil(async () => (await eventsOf(buildId)).some((e) => e.eventId === valid.id), { timeoutMs: 20_000, description: 'the valid event after it' });
    expect((await eventsOf(buildId)).map((e) => e.eventId)).toEqual([valid.id]);
  });
});
