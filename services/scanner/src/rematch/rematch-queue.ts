import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../config.js';
import { lockMatchingExclusive } from '../match-vulnerabilities/matching-lock.js';

/** An advisory's (ecosystem, name) key that an import added, changed or dropped. */
export interface ChangedKey {
  advisory_id: string;
  ecosystem: string;
  name: string;
}

const QUEUE_KEYS = `INSERT INTO "${SCHEMA}"."rematch_keys" (advisory_id, ecosystem, name)
  SELECT DISTINCT k.advisory_id, k.ecosystem, k.name FROM unnest($1::text[], $2::text[], $3::text[]) AS k(advisory_id, ecosystem, name)`;

const CLAIM_KEYS = `DELETE FROM "${SCHEMA}"."rematch_keys" WHERE id IN (
  SELECT id FROM "${SCHEMA}"."rematch_keys" ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING advisory_id, ecosystem, name`;

// the builds whose catalogs hold a claimed key, each with the advisories that changed for it
const QUEUE_BUILDS = `INSERT INTO "${SCHEMA}"."rematch_builds" AS b (build_id, advisory_ids)
  SELECT p.build_id, array_agg(DISTINCT k.advisory_id ORDER BY k.advisory_id)
  FROM unnest($1::text[], $2::text[], $3::text[]) AS k(advisory_id, ecosystem, name)
  JOIN "${SCHEMA}"."sbom_packages" p ON p.ecosystem = k.ecosystem AND p.name = k.name
  GROUP BY p.build_id
  ON CONFLICT (build_id) DO UPDATE SET advisory_ids = ARRAY(SELECT DISTINCT x FROM unnest(b.advisory_ids || excluded.advisory_ids) AS x ORDER BY x)
  RETURNING b.build_id`;

/** The rows of a DELETE … RETURNING: TypeORM's Postgres driver answers `[rows, rowCount]` for DELETE and UPDATE. */
export function returnedRows<T>(result: [T[], number]): T[] {
  return result[0];
}

const columns = (keys: readonly ChangedKey[]): string[][] => [keys.map((k) => k.advisory_id), keys.map((k) => k.ecosystem), keys.map((k) => k.name)];

/** Queues changed keys in the import's own transaction, so a committed advisory change is never missed by re-matching. */
export async function queueChangedKeys(manager: EntityManager, keys: readonly ChangedKey[]): Promise<void> {
  if (keys.length > 0) await manager.query(QUEUE_KEYS, columns(keys));
}

/**
 * Turns up to `limit` queued keys into builds to re-match, in the caller's transaction and under the exclusive matching
 * lock (see lockMatchingShared). Returns how many keys and builds it took.
 */
export async function claimChangedKeys(manager: EntityManager, limit: number): Promise<{ keys: number; builds: number }> {
  await lockMatchingExclusive(manager);
  const keys = returnedRows<ChangedKey>(await manager.query(CLAIM_KEYS, [limit]));
  if (keys.length === 0) return { keys: 0, builds: 0 };
  const builds: unknown[] = await manager.query(QUEUE_BUILDS, columns(keys));
  return { keys: keys.length, builds: builds.length };
}
