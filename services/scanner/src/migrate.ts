import { createLogger, loadConfigOrExit, runMigrationsCli } from '@dhi/service-kit';
import { databaseOptions, scannerConfigShape, SERVICE } from './config.js';

const config = loadConfigOrExit(SERVICE, scannerConfigShape);
const logger = createLogger(SERVICE, config.LOG_LEVEL);
void runMigrationsCli({ ...databaseOptions(config, logger), service: SERVICE, logger });
