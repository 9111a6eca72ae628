import { type AdvisorySeverity, type AffectedPackage } from '@dhi/advisories';
import { type AdvisoryCandidate } from '@dhi/vulnerabilities';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../config.js';

/** An (ecosystem, name) key as advisories are stored under it. */
export interface AdvisoryKey {
  ecosystem: string;
  name: string;
}

const CANDIDATES = `SELECT p.ecosystem, p.name, p.affected, a.id, a.aliases, a.summary, a.severity
  FROM "${SCHEMA}"."advisory_packages" p
  JOIN "${SCHEMA}"."advisories" a ON a.id = p.advisory_id
  JOIN unnest($1::text[], $2::text[]) AS k(ecosystem, name) ON p.ecosystem = k.ecosystem AND p.name = k.name
  WHERE a.withdrawn IS NULL`;

// `aliases && $1` over thousands of ids (Go records carry no severity) costs seconds per scan; probing each row's few
// aliases against the array costs milliseconds (bench/sbom-match)
const RELATED = `SELECT id, aliases, severity FROM "${SCHEMA}"."advisories"
  WHERE withdrawn IS NULL AND (id = ANY($1::text[]) OR EXISTS (SELECT 1 FROM unnest(aliases) AS alias WHERE alias = ANY($1::text[])))`;

interface CandidateRow {
  ecosystem: string;
  name: string;
  affected: AffectedPackage;
  id: string;
  aliases: string[];
  summary: string | null;
  severity: AdvisorySeverity;
}

/** Every affected entry of a not withdrawn advisory stored under one of the keys, in one query. */
export async function loadCandidates(manager: EntityManager, keys: readonly AdvisoryKey[]): Promise<AdvisoryCandidate[]> {
  if (keys.length === 0) return [];
  const rows: CandidateRow[] = await manager.query(CANDIDATES, [keys.map((k) => k.ecosystem), keys.map((k) => k.name)]);
  return rows.map((r) => ({ advisoryId: r.id, aliases: r.aliases, summary: r.summary, severity: r.severity, ecosystem: r.ecosystem, name: r.name, affected: r.affected }));
}

/** The severities of stored advisories known by any of the ids (as id or alias), by each of those ids. */
export async function loadRelatedSeverities(manager: EntityManager, ids: readonly string[]): Promise<Map<string, AdvisorySeverity[]>> {
  const byId = new Map<string, AdvisorySeverity[]>();
  if (ids.length === 0) return byId;
  const wanted = new Set(ids);
  const rows: { id: string; aliases: string[]; severity: AdvisorySeverity }[] = await manager.query(RELATED, [[...wanted]]);
  for (const row of rows) {
    for (const name of [row.id, ...row.aliases]) if (wanted.has(name)) byId.set(name, [...(byId.get(name) ?? []), row.severity]);
  }
  return byId;
}
