import { randomUUID } from 'node:crypto';
import { type BuildSource } from '@dhi/contracts';
import { type DataSource } from 'typeorm';
import { appendLogLine } from '../../src/domain/build-log.js';
import { type BuildStatus, type StageName } from '../../src/domain/build-status.js';
import { Build } from '../../src/domain/build.entity.js';
import { uniqueName } from './names.js';

/** Inserts a build row without an image (as a queued or running Dockerfile build has); returns its id. */
export async function insertPendingBuild(dataSource: DataSource, status: BuildStatus, source: BuildSource): Promise<string> {
  const id = randomUUID();
  const name = uniqueName('pending');
  const now = new Date();
  await dataSource.manager.insert(Build, { id, name, tag: '1', lineage: name, submitter: 'test', status, source, createdAt: now, updatedAt: now });
  return id;
}

/** A Dockerfile source naming a context blob. */
export function dockerfileSource(contextDigest: string): BuildSource {
  return { kind: 'dockerfile', contextDigest, contextSize: 1, dockerfilePath: 'Dockerfile', buildArgs: {}, dockerfile: 'FROM scratch\n' };
}

/** Appends a log line the way the service does (row lock held, so numbering cannot race); optionally moves the status. */
export async function logLine(dataSource: DataSource, buildId: string, message: string, options: { stage?: StageName; status?: BuildStatus } = {}): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.findOne(Build, { where: { id: buildId }, lock: { mode: 'pessimistic_write' } });
    await appendLogLine(manager, buildId, options.stage ?? 'build', message);
    if (options.status) await manager.update(Build, { id: buildId }, { status: options.status, updatedAt: new Date() });
  });
}
