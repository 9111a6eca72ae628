import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corporaDir } from '@dhi/testing';
import { type BuildTestApp, startBuildTestApp } from './support/build-test-app.js';
import { dockerfileContext } from './support/contexts.js';
import { buildLog, builtImageFiles, requireBuildah, submitContext, waitForStatus, workDirEntries } from './support/dockerfile-builds.js';
import { uniqueName } from './support/names.js';
import { startTestRegistry, type TestRegistry } from './support/test-registry.js';

requireBuildah();

describe('Dockerfile builds FROM the configured registry', () => {
  let registry: TestRegistry;
  let service: BuildTestApp;
  let workDir: string;
  let port: string;

  beforeAll(async () => {
    registry = await startTestRegistry();
    port = registry.host.split(':')[1];
    // skopeo's docker-archive transport reads only an uncompressed tar
    const archive = gunzipSync(await readFile(path.join(corporaDir(), 'images/alpine-310.tar.gz')));
    await registry.push(archive, 'docker-archive', 'library/alpine:3.10');
    workDir = await mkdtemp(path.join(tmpdir(), 'dhi-builder-'));
    service = await startBuildTestApp({ BUILDER_WORK_DIR: workDir, REGISTRY_URL: `http://${registry.host}` });
  });

  afterAll(async () => {
    await service?.close();
    await registry?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('pulls the base from the configured http registry, runs a step on it and stores the result', async () => {
    const base = `${registry.host}/library/alpine:3.10`;
    const context = await dockerfileContext([`FROM ${base}`, 'RUN echo ok > /ok']);
    const id = (await submitContext(service, context, { name: uniqueName('from-registry'), tag: '1' }).expect(202)).body.id as string;

    const built = await waitForStatus(service, id, ['analysing', 'failed'], 120_000);
    expect(built.stages.find((s) => s.stage === 'build')).toMatchObject({ status: 'done' });
    expect(built.status).toBe('analysing');
    const { fs } = await builtImageFiles(service, id, ['/ok']);
    expect(fs.contents.get('/ok')?.toString()).toBe('ok\n');
    expect(fs.files.has('/etc/alpine-release')).toBe(true);
    const log = await buildLog(service, id);
    expect(log).toContain(`pulling ${base} from the configured registry`);
    expect(log).toMatch(/STEP 2\/2: RUN echo ok > \/ok/);
    expect(await workDirEntries(workDir)).toEqual([]);
  });

  it('fails a FROM naming another registry before buildah runs', async () => {
    const context = await dockerfileContext([`FROM 127.0.0.2:${port}/x:1`, 'RUN true']);
    const id = (await submitContext(service, context, { name: uniqueName('other-registry'), tag: '1' }).expect(202)).body.id as string;

    const failed = await waitForStatus(service, id, ['analysing', 'failed']);
    expect(failed.status).toBe('failed');
    expect(failed.stages.find((s) => s.stage === 'build')).toMatchObject({
      status: 'failed',
      detail: `FROM 127.0.0.2:${port}/x:1 (line 1): 127.0.0.2:${port}/x:1 is not an image the platform holds; only images of the configured registry ${registry.host} can be pulled`,
    });
    const log = await buildLog(service, id);
    expect(log).not.toMatch(/STEP|extracting|pulling/);
  });
});
