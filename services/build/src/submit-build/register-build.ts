import { enqueueEvents, type OutboxItem } from '@dhi/persistence';
import { type EntityManager } from 'typeorm';
import { BuildLogLine } from '../domain/build-log-line.entity.js';
import { BuildStage } from '../domain/build-stage.entity.js';
import { Build } from '../domain/build.entity.js';

/** A verified build, ready to be stored with its timeline, log and events. */
export interface BuildRecord {
  build: Build;
  stages: BuildStage[];
  logLines: BuildLogLine[];
  events: OutboxItem[];
}

export type Registration = { created: true; build: Build } | { created: false; build: Build };

/**
 * Stores a build, its stages, log lines and outbox events in the caller's transaction. If another request with the same
 * Idempotency-Key got there first (even one still committing: the unique key makes this insert wait for it), nothing is
 * written and that build is returned instead.
 */
export async function registerBuild(manager: EntityManager, record: BuildRecord): Promise<Registration> {
  const inserted = await manager.createQueryBuilder().insert().into(Build).values(record.build).orIgnore().returning('id').execute();
  if ((inserted.raw as unknown[]).length === 0) {
    const key = record.build.idempotencyKey;
    const existing = key === null ? null : await manager.findOne(Build, { where: { idempotencyKey: key } });
    if (!existing) throw new Error(`build ${record.build.id} was not inserted and no build has its idempotency key`);
    return { created: false, build: existing };
  }
  await manager.insert(BuildStage, record.stages);
  if (record.logLines.length > 0) await manager.insert(BuildLogLine, record.logLines);
  await enqueueEvents(manager, record.events);
  return { created: true, build: record.build };
}
