import { isAdvisoryError } from '@dhi/advisories';
import { openDatabase } from '@dhi/persistence';
import { baseConfigShape, createLogger, loadConfigOrExit } from '@dhi/service-kit';
import { databaseOptions, SERVICE } from '../config.js';
import { advisoryRecordsOf } from './advisory-source.js';
import { importAdvisories } from './import-advisories.js';

// `npm run advisories:import -- <path>...`: each path a file, directory, zip or tar of OSV records, or a DSA/DLA list.
const { DATABASE_URL, LOG_LEVEL } = loadConfigOrExit(SERVICE, { DATABASE_URL: baseConfigShape.DATABASE_URL, LOG_LEVEL: baseConfigShape.LOG_LEVEL });
const logger = createLogger(`${SERVICE}-advisories-import`, LOG_LEVEL);

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    logger.fatal('usage: npm run advisories:import -- <path>... (OSV file, directory, zip or tar(.gz); Debian DSA/DLA list)');
    return 2;
  }
  const dataSource = await openDatabase(databaseOptions({ DATABASE_URL }, logger));
  let failed = false;
  try {
    for (const path of paths) {
      try {
        const summary = await importAdvisories(dataSource, advisoryRecordsOf(path), { source: path });
        logger.info({ path, ...summary }, 'advisories imported');
      } catch (error) {
        failed = true;
        logger.error({ path, code: isAdvisoryError(error) ? error.code : undefined, err: error }, 'advisory import failed');
      }
    }
  } finally {
    await dataSource.destroy();
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    logger.fatal({ err: error }, 'advisory import failed');
    process.exit(1);
  },
);
