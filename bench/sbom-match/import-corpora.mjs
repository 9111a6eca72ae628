// (c) Import time of the shared advisory corpora through the scanner's own import (the code behind the import API and
// `npm run advisories:import`), one source after the other into the fresh database.
import path from 'node:path';
import { corporaDir, dist, round, timed } from '../support/dist.mjs';

export const CORPUS_SOURCES = ['osv/go', 'osv/pypi', 'osv/maven', 'osv/npm', 'debian/DSA/list', 'debian/DLA/list'];

const STORED = `SELECT (SELECT count(*) FROM "scanner"."advisories")::int AS advisories,
  (SELECT count(*) FROM "scanner"."advisory_packages")::int AS "packageRows",
  (SELECT count(*) FROM (SELECT DISTINCT ecosystem, name FROM "scanner"."advisory_packages") k)::int AS keys`;

/** Imports every corpus source; resolves per-source and total seconds, record counts and records per second. */
export async function importCorpora(dataSource, log) {
  const { importAdvisories } = dist('importAdvisories');
  const { advisoryRecordsOf } = dist('advisorySource');
  const root = corporaDir();
  const sources = [];
  for (const source of CORPUS_SOURCES) {
    const { seconds, value: summary } = await timed(() => importAdvisories(dataSource, advisoryRecordsOf(path.join(root, source)), { source }));
    const records = summary.imported + summary.updated + summary.unchanged + summary.failed;
    sources.push({
      source,
      seconds: round(seconds),
      records,
      imported: summary.imported,
      unchanged: summary.unchanged,
      withdrawn: summary.withdrawn,
      failed: summary.failed,
      recordsPerSecond: Math.round(records / seconds),
    });
    log(`import ${source}: ${records} records in ${seconds.toFixed(2)} s (${Math.round(records / seconds)}/s), ${summary.failed} failed`);
    for (const error of summary.errors.slice(0, 3)) log(`  failed: ${error.source}: ${error.reason}`);
  }
  const seconds = sources.reduce((sum, s) => sum + s.seconds, 0);
  const records = sources.reduce((sum, s) => sum + s.records, 0);
  const [stored] = await dataSource.query(STORED);
  log(`import total: ${records} records in ${seconds.toFixed(2)} s; stored ${stored.advisories} advisories, ${stored.packageRows} package rows, ${stored.keys} keys`);
  return { sources, total: { seconds: round(seconds), records, recordsPerSecond: Math.round(records / seconds) }, stored };
}
