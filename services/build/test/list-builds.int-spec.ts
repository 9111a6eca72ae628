import { TOPICS } from '@dhi/contracts';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { reviewOpened } from './support/analysis-events.js';
import { sampleArchive } from './support/archives.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

interface Item {
  id: string;
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
  status: string;
  createdAt: string;
  image: { digest: string };
}

describe('GET /v1/builds lists builds newest first with filters and cursor pagination', () => {
  let service: BuildTestApp;
  const submitted: Item[] = [];
  const node = uniqueName('node');
  const python = uniqueName('python');

  beforeAll(async () => {
    service = await startBuildTestApp();
    const archive = await sampleArchive('list');
    // 7 builds of one name in one lineage, 2 of another; uploaded one after the other so their order is known
    for (const [name, lineage, count] of [[node, 'dhi/node', 7], [python, 'dhi/python', 2]] as const) {
      for (let i = 0; i < count; i += 1) {
        const response = await request(service.server).post('/v1/builds').field('name', name).field('tag', `1.${i}`).field('lineage', lineage).attach('image', archive, 'i.tar').expect(202);
        submitted.push((await request(service.server).get(`/v1/builds/${response.body.id}`).expect(200)).body as Item);
      }
    }
  });

  afterAll(async () => {
    await service?.close();
  });

  const list = async (query: string): Promise<{ items: Item[]; nextCursor: string | null }> =>
    (await request(service.server).get(`/v1/builds${query}`).expect(200)).body;

  it('walks a filtered list in pages of 3 without gaps or repeats', async () => {
    const pages: Item[][] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(`?lineage=dhi/node&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const expected = submitted.filter((b) => b.lineage === 'dhi/node').reverse();
    expect(pages.flat().map((b) => b.id)).toEqual(expected.map((b) => b.id));
    expect(pages[0]![0]).toMatchObject({ name: node, tag: '1.6', stages: expect.any(Array), image: { digest: expected[0]!.image.digest } });
  });

  it('filters by name and by status', async () => {
    const byName = await list(`?name=${encodeURIComponent(python)}`);
    expect(byName.items.map((b) => b.tag)).toEqual(['1.1', '1.0']);
    expect(byName.nextCursor).toBeNull();

    const target = submitted[2]!;
    await service.publisher.publish(TOPICS.reviewOpened, reviewOpened(target));
    const inReview = await pollUntil(async () => {
      const page = await list('?status=in_review');
      return page.items.length > 0 ? page : undefined;
    }, { timeoutMs: 20_000, description: 'a build in review' });
    expect(inReview.items.map((b) => b.id)).toEqual([target.id]);
    const analysing = await list('?status=analysing&limit=100');
    expect(analysing.items).toHaveLength(submitted.length - 1);
    expect(analysing.items.every((b) => b.status === 'analysing')).toBe(true);
  });

  it('answers a bad limit, status, cursor or parameter with a 400 problem', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?status=done', '?cursor=garbage', '?lineagee=dhi/node']) {
      const response = await request(service.server).get(`/v1/builds${query}`).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const cursor = await request(service.server).get('/v1/builds?cursor=garbage').expect(400);
    expect(cursor.body).toMatchObject({ type: 'urn:dhi:problem:invalid_cursor' });
  });

  it('defaults to 20 items per page', async () => {
    const page = await list('');
    expect(page.items).toHaveLength(submitted.length);
    expect(page.nextCursor).toBeNull();
  });
});
