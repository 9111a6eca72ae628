import http from 'node:http';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { ReadBuildLogsService } from '../src/read-build-logs/read-build-logs.service.js';
import { sampleArchive } from './support/archives.js';
import { insertPendingBuild, logLine } from './support/build-rows.js';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { uniqueName } from './support/names.js';

/** A streaming GET: the body as it arrives, whether it ended, and a way to hang up. */
interface Follower {
  status: number;
  headers: http.IncomingHttpHeaders;
  text(): string;
  ended: Promise<void>;
  hangUp(): void;
}

function follow(url: string): Promise<Follower> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      const ended = new Promise<void>((done, fail) => {
        res.on('end', done);
        res.on('error', fail);
      });
      const hangUp = () => {
        ended.catch(() => undefined); // the cut connection is the point
        req.destroy();
      };
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: () => body, ended, hangUp });
    });
    req.on('error', reject);
  });
}

const messages = (text: string): string[] => text.split('\n').filter(Boolean).map((line) => line.split(' ').slice(3).join(' '));

describe('GET /v1/builds/:id/logs?follow=true', () => {
  let service: BuildTestApp;

  beforeAll(async () => {
    service = await startBuildTestApp({ BLOB_RETENTION_INTERVAL_MINUTES: '0' });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('returns at once with the whole log for a build that is already stored', async () => {
    const submitted = await request(service.server).post('/v1/builds').field('name', uniqueName('logs')).field('tag', '1').attach('image', await sampleArchive('follow'), 'image.tar').expect(202);
    const id = submitted.body.id as string;
    const plain = await request(service.server).get(`/v1/builds/${id}/logs`).expect(200);
    const followed = await follow(`${service.baseUrl}/v1/builds/${id}/logs?follow=true`);
    await followed.ended;
    expect(followed.status).toBe(200);
    expect(followed.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(followed.text()).toBe(plain.text);
    expect(plain.text.length).toBeGreaterThan(0);
  });

  it('streams lines as they are stored and ends when the build stage is over', async () => {
    const id = await insertPendingBuild(service.dataSource, 'building', { kind: 'registry', reference: '127.0.0.1:5000/app:1' });
    await logLine(service.dataSource, id, 'step 1/3: FROM base');
    const followed = await follow(`${service.baseUrl}/v1/builds/${id}/logs?follow=true`);
    expect(followed.status).toBe(200);
    expect(followed.headers['transfer-encoding']).toBe('chunked');
    await pollUntil(() => (messages(followed.text()).length === 1 ? true : undefined), { timeoutMs: 5000, description: 'the first line' });

    // each line arrives while the response is still open
    await logLine(service.dataSource, id, 'step 2/3: RUN make');
    await pollUntil(() => (messages(followed.text()).length === 2 ? true : undefined), { timeoutMs: 5000, description: 'the second line' });
    await logLine(service.dataSource, id, 'step 3/3: COPY out /');
    await pollUntil(() => (messages(followed.text()).length === 3 ? true : undefined), { timeoutMs: 5000, description: 'the third line' });

    await logLine(service.dataSource, id, 'build failed: step 3/3', { status: 'failed' });
    await followed.ended;
    expect(messages(followed.text())).toEqual([
      'step 1/3: FROM base', 'step 2/3: RUN make', 'step 3/3: COPY out /', 'build failed: step 3/3',
    ]);
    expect(followed.text()).toBe((await request(service.server).get(`/v1/builds/${id}/logs`).expect(200)).text);
  });

  it('stops following when the client hangs up, and keeps serving others', async () => {
    const id = await insertPendingBuild(service.dataSource, 'received', { kind: 'registry', reference: '127.0.0.1:5000/app:2' });
    await logLine(service.dataSource, id, 'queued');
    const followed = await follow(`${service.baseUrl}/v1/builds/${id}/logs?follow=true`);
    await pollUntil(() => (followed.text().length > 0 ? true : undefined), { timeoutMs: 5000, description: 'the queued line' });
    const logs = service.app.get(ReadBuildLogsService);
    expect(logs.activeFollowers).toBe(1);
    followed.hangUp();
    await pollUntil(() => (logs.activeFollowers === 0 ? true : undefined), { timeoutMs: 5000, description: 'the follower to stop polling' });
    await logLine(service.dataSource, id, 'started', { status: 'building' });
    await request(service.server).get(`/v1/builds/${id}/logs`).expect(200);
  });

  it('answers 404 before streaming for an unknown build, and 400 for a bad follow value', async () => {
    const unknown = await request(service.server).get('/v1/builds/00000000-0000-4000-8000-000000000000/logs?follow=true').expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:dhi:problem:build_not_found' });
    await request(service.server).get('/v1/builds/00000000-0000-4000-8000-000000000000/logs?follow=maybe').expect(400);
  });
});
