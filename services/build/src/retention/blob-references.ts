import { type EntityManager } from 'typeorm';

// Builds not yet stored or failed may still need their uploaded Dockerfile context (build.source.contextDigest).
const IN_PROGRESS = ['received', 'building'];

/** Every digest a build row references: manifest, config and layers of stored images, contexts of pending builds. */
const REFERENCES_SQL = `
  SELECT image_digest AS digest FROM builds WHERE image_digest IS NOT NULL
  UNION SELECT config_digest FROM builds WHERE config_digest IS NOT NULL
  UNION SELECT layer ->> 'digest' FROM builds, jsonb_array_elements(coalesce(layers, '[]'::jsonb)) AS layer
  UNION SELECT source ->> 'contextDigest' FROM builds WHERE status = ANY($1::text[]) AND source ->> 'contextDigest' IS NOT NULL`;

/** The digests any build references (see REFERENCES_SQL). */
export async function loadBlobReferences(manager: EntityManager): Promise<Set<string>> {
  const rows: { digest: string }[] = await manager.query(REFERENCES_SQL, [IN_PROGRESS]);
  return new Set(rows.map((row) => row.digest));
}

/** Which of `digests` a build references now; asked again right before deleting, so a build stored meanwhile wins. */
export async function referencedAmong(manager: EntityManager, digests: string[]): Promise<Set<string>> {
  if (digests.length === 0) return new Set();
  const rows: { digest: string }[] = await manager.query(`SELECT digest FROM (${REFERENCES_SQL}) AS refs WHERE digest = ANY($2::text[])`, [IN_PROGRESS, digests]);
  return new Set(rows.map((row) => row.digest));
}
