import { loadConfigOrExit, runMigrationsCli } from '@dhi/service-kit';
import { databaseOptions, reviewConfigShape, SERVICE_NAME } from './config.js';

const config = loadConfigOrExit(SERVICE_NAME, reviewConfigShape);
const { url, schema, entities, migrations } = databaseOptions(config);
void runMigrationsCli({ url, schema, entities, migrations, service: SERVICE_NAME, logLevel: config.LOG_LEVEL });
