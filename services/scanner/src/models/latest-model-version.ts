import { type EntityManager } from 'typeorm';
import { ModelRecord } from './model.entity.js';

/** The version of the most recently published model, or null before the first one arrives. */
export async function latestModelVersion(manager: EntityManager): Promise<string | null> {
  const latest = await manager.getRepository(ModelRecord).find({
    select: { version: true },
    order: { publishedAt: 'DESC', version: 'DESC' },
    take: 1,
  });
  return latest[0]?.version ?? null;
}
