import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../config.js';
import { type AdvisoryKey } from './advisory-candidates.js';

const INSERT_KEYS = `INSERT INTO "${SCHEMA}"."sbom_packages" (build_id, ecosystem, name)
  SELECT $1, k.ecosystem, k.name FROM unnest($2::text[], $3::text[]) AS k(ecosystem, name)
  ON CONFLICT DO NOTHING`;

/** Records the advisory keys of a scanned build, by which an advisory change finds it again. */
export async function storeSbomKeys(manager: EntityManager, buildId: string, keys: readonly AdvisoryKey[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(INSERT_KEYS, [buildId, keys.map((k) => k.ecosystem), keys.map((k) => k.name)]);
}
