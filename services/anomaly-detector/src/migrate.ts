import { createLogger, loadConfigOrExit, runMigrationsCli } from '@dhi/service-kit';
import { anomalyDetectorConfigShape, databaseOptions, SERVICE } from './config.js';

const config = loadConfigOrExit(SERVICE, anomalyDetectorConfigShape);
const logger = createLogger(SERVICE, config.LOG_LEVEL);
void runMigrationsCli({ ...databaseOptions(config, logger), service: SERVICE, logger });
