import { type Advisory } from '@dhi/advisories';
import { canonicalEcosystem, packageNameKey } from '@dhi/versions';

/** A row of `advisories` as the batch insert sends it (JSON, expanded by jsonb_to_recordset). */
export interface AdvisoryRow {
  id: string;
  modified: string;
  published: string | null;
  withdrawn: string | null;
  aliases: string[];
  summary: string | null;
  severity: unknown;
  record: Advisory;
  source: string;
}

/** A row of `advisory_packages`: one affected entry under the keys matching looks it up by. */
export interface AdvisoryPackageRow {
  advisory_id: string;
  ecosystem: string;
  name: string;
  affected: unknown;
}

/** The timestamp as Postgres will read it, or undefined when it is not a date. */
function isoOrNull(value: string | undefined): string | null | undefined {
  if (value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : value;
}

/** The rows of one advisory, or the reason it cannot be stored. */
export function advisoryRows(advisory: Advisory, source: string): { row: AdvisoryRow; packages: AdvisoryPackageRow[] } | { error: string } {
  const modified = isoOrNull(advisory.modified);
  const published = isoOrNull(advisory.published);
  const withdrawn = isoOrNull(advisory.withdrawn);
  if (!modified) return { error: `"modified" is not a date: ${JSON.stringify(advisory.modified)}` };
  if (published === undefined) return { error: `"published" is not a date: ${JSON.stringify(advisory.published)}` };
  if (withdrawn === undefined) return { error: `"withdrawn" is not a date: ${JSON.stringify(advisory.withdrawn)}` };
  const row: AdvisoryRow = {
    id: advisory.id,
    modified,
    published,
    withdrawn,
    aliases: advisory.aliases,
    summary: advisory.summary ?? null,
    severity: advisory.severity,
    record: advisory,
    source,
  };
  const packages = advisory.affected.map((affected) => {
    const ecosystem = canonicalEcosystem(affected.ecosystem);
    return { advisory_id: advisory.id, ecosystem, name: packageNameKey(ecosystem, affected.name), affected };
  });
  return { row, packages };
}
