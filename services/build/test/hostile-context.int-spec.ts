import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@dhi/contracts';
import { tapTopics, type TopicTap } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { contextTar, type ContextFile, gzipBombContext } from './support/contexts.js';
import { requireBuildah, submitContext, waitForStatus, workDirEntries } from './support/dockerfile-builds.js';
import { uniqueName } from './support/names.js';

requireBuildah();

const DOCKERFILE: ContextFile = { name: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' };

describe('POST /v1/builds refuses hostile build contexts', () => {
  let service: BuildTestApp;
  let tap: TopicTap;
  let workDir: string;
  const marker = `dhi-escape-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'dhi-builder-'));
    service = await startBuildTestApp({ BUILDER_WORK_DIR: workDir });
    tap = await tapTopics(service.kafka, [TOPICS.buildRequested]);
  });

  afterAll(async () => {
    await tap?.stop();
    await service?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it.each<[string, ContextFile[], number, string, RegExp]>([
    ['a path traversal entry', [DOCKERFILE, { name: `../../../../../../tmp/${marker}`, content: 'x' }], 422, 'unsafe_entry', /contains "\.\.": it would leave the build context/],
    ['an absolute path', [DOCKERFILE, { name: `/tmp/${marker}`, content: 'x' }], 422, 'unsafe_entry', /is an absolute path/],
    ['a symlink to /etc and a file through it', [DOCKERFILE, { name: 'etc', type: 'symlink', target: '/etc' }, { name: `etc/${marker}`, content: 'x' }], 422, 'unsafe_entry', /symlink "etc" points to the absolute path "\/etc"/],
    ['a relative symlink climbing out', [DOCKERFILE, { name: 'up', type: 'symlink', target: '../../..' }], 422, 'unsafe_entry', /outside the build context/],
    ['a file written through an inside symlink', [DOCKERFILE, { name: 'sub', type: 'directory' }, { name: 'link', type: 'symlink', target: 'sub' }, { name: 'link/x', content: 'x' }], 422, 'unsafe_entry', /lies inside the symlink "link"/],
    ['a hard link to outside', [DOCKERFILE, { name: 'passwd', type: 'link', target: '../../etc/passwd' }], 422, 'unsafe_entry', /contains "\.\."/],
    ['a device node', [DOCKERFILE, { name: 'dev', type: 'character-device' }], 422, 'unsafe_entry', /only files, directories and links/],
    ['no Dockerfile', [{ name: 'README', content: 'x' }], 400, 'missing_dockerfile', /has no file "Dockerfile"/],
    ['a Dockerfile that is a symlink', [{ name: 'real', content: 'FROM scratch\n' }, { name: 'Dockerfile', type: 'symlink', target: 'real' }], 400, 'missing_dockerfile', /has a symlink at "Dockerfile"/],
  ])('refuses %s', async (_label, files, status, type, detail) => {
    const response = await submitContext(service, await contextTar(files), { name: uniqueName('hostile'), tag: '1' }).expect(status);
    expect(response.body).toMatchObject({ type: `urn:dhi:problem:${type}`, detail: expect.stringMatching(detail) });
    expect(existsSync(`/tmp/${marker}`)).toBe(false);
    expect(existsSync(`/etc/${marker}`)).toBe(false);
  });

  it('refuses a gzip bomb by its decompression ratio, reading it as a stream', async () => {
    const bomb = await gzipBombContext(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const response = await submitContext(service, bomb, { name: uniqueName('bomb'), tag: '1' }).expect(422);
    expect(response.body).toMatchObject({ type: 'urn:dhi:problem:limit_exceeded', detail: expect.stringMatching(/compression bomb/) });
  });

  it('refuses Dockerfile paths outside the context, a late dockerfile field and bad build arguments', async () => {
    const context = await contextTar([DOCKERFILE]);
    const outside = await submitContext(service, context, { name: uniqueName('x'), tag: '1', dockerfile: '../Dockerfile' }).expect(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: 'dockerfile' })]);
    const late = await submitContext(service, context, { name: uniqueName('x'), tag: '1' }).field('dockerfile', 'other/Dockerfile').expect(400);
    expect(late.body.detail).toMatch(/before the file part "context"/);
    const args = await submitContext(service, context, { name: uniqueName('x'), tag: '1', buildArgs: '{"1BAD":"x"}' }).expect(400);
    expect(args.body.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^buildArgs/) })]);
    const notJson = await submitContext(service, context, { name: uniqueName('x'), tag: '1', buildArgs: 'A=1' }).expect(400);
    expect(notJson.body.errors).toEqual([expect.objectContaining({ path: 'buildArgs' })]);
  });

  it('queued nothing and wrote nothing into the builder work dir for any refused context', async () => {
    const sentinel = await submitContext(service, await contextTar([DOCKERFILE, { name: 'a.txt', content: 'a' }]), { name: uniqueName('sentinel'), tag: '1' }).expect(202);
    await pollUntil(() => tap.records.some((r) => r.key === sentinel.body.id) || undefined, { timeoutMs: 15_000, description: 'the sentinel build.requested' });
    expect(tap.records.filter((r) => r.topic === TOPICS.buildRequested)).toHaveLength(1);
    const rows = (await service.dataSource.query('SELECT count(*)::int AS n FROM builds')) as { n: number }[];
    expect(rows[0]?.n).toBe(1);
    await waitForStatus(service, sentinel.body.id as string, ['analysing', 'failed']);
    expect(await workDirEntries(workDir)).toEqual([]);
  });
});
