import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { FileBlobStore, readImageFilesystem } from '@dhi/image';
import { pollUntil } from '@dhi/testing';
import request from 'supertest';
import { type BuildTestApp } from './build-test-app.js';

/** Fails the test file at once, with a clear message, when buildah is not installed (CI installs it via .ci/run). */
export function requireBuildah(): void {
  try {
    execFileSync('buildah', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('buildah is not installed: Dockerfile build tests need it (apt-get install -y buildah; .ci/run installs it)');
  }
}

export interface StageView {
  stage: string;
  status: string;
  detail: string | null;
}

/** GET /v1/builds/:id. */
export async function getBuild(service: BuildTestApp, id: string): Promise<{ status: string; stages: StageView[]; image: { layers: { digest: string }[]; configDigest: string } | null }> {
  return (await request(service.server).get(`/v1/builds/${id}`).expect(200)).body;
}

/** Waits until the build reaches one of the given statuses. */
export function waitForStatus(service: BuildTestApp, id: string, statuses: string[], timeoutMs = 60_000) {
  return pollUntil(
    async () => {
      const build = await getBuild(service, id);
      return statuses.includes(build.status) ? build : undefined;
    },
    { timeoutMs, intervalMs: 200, description: `build ${id} to be ${statuses.join(' or ')}` },
  );
}

/** POST /v1/builds with a context part; fields are sent before it. */
export function submitContext(service: BuildTestApp, context: Buffer, fields: Record<string, string>) {
  let post = request(service.server).post('/v1/builds');
  for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
  return post.attach('context', context, 'context.tar');
}

/** The build log as text. */
export async function buildLog(service: BuildTestApp, id: string): Promise<string> {
  return (await request(service.server).get(`/v1/builds/${id}/logs`).expect(200)).text;
}

/** Entries left in a builder work dir (empty after every build). */
export async function workDirEntries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** The stored image of a build: its filesystem (with the content of the `wanted` paths) and its config's `config`. */
export async function builtImageFiles(service: BuildTestApp, id: string, wanted: string[]) {
  const build = await getBuild(service, id);
  const store = new FileBlobStore(service.blobDir);
  const fs = await readImageFilesystem(build.image?.layers ?? [], store, { wantContent: (p) => wanted.includes(p) });
  const config = JSON.parse((await store.readAll(build.image?.configDigest ?? '', 1 << 20)).toString()) as { config: Record<string, unknown> };
  return { fs, config: config.config };
}
