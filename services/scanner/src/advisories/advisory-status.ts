import { type DataSource } from 'typeorm';
import { SCHEMA } from '../config.js';
import { type ImportSummary } from './import-summary.js';

/** What the advisory database holds, and what the last import did. */
export interface AdvisoryStatus {
  /** Every stored advisory, withdrawn ones included. */
  advisories: number;
  withdrawn: number;
  /** Per stored ecosystem (e.g. `Debian:12`, `PyPI`): advisories that name it and are not withdrawn, and their package rows. */
  ecosystems: { ecosystem: string; advisories: number; packages: number }[];
  lastImport: { source: string; startedAt: string; finishedAt: string; summary: ImportSummary } | null;
}

/** The advisory database's status, read in one snapshot. */
export async function advisoryStatus(dataSource: DataSource): Promise<AdvisoryStatus> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const [totals] = await manager.query(
      `SELECT count(*)::int AS advisories, count(*) FILTER (WHERE withdrawn IS NOT NULL)::int AS withdrawn FROM "${SCHEMA}"."advisories"`,
    );
    const ecosystems = await manager.query(
      `SELECT p.ecosystem, count(DISTINCT p.advisory_id)::int AS advisories, count(*)::int AS packages
       FROM "${SCHEMA}"."advisory_packages" p JOIN "${SCHEMA}"."advisories" a ON a.id = p.advisory_id
       WHERE a.withdrawn IS NULL GROUP BY p.ecosystem ORDER BY p.ecosystem`,
    );
    const [last] = await manager.query(
      `SELECT source, started_at, finished_at, summary FROM "${SCHEMA}"."advisory_imports" ORDER BY finished_at DESC, id DESC LIMIT 1`,
    );
    return {
      advisories: totals.advisories,
      withdrawn: totals.withdrawn,
      ecosystems,
      lastImport: last
        ? { source: last.source, startedAt: new Date(last.started_at).toISOString(), finishedAt: new Date(last.finished_at).toISOString(), summary: last.summary }
        : null,
    };
  });
}
