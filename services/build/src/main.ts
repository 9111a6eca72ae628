import { loadConfigOrExit } from '@dhi/service-kit';
import { buildConfigShape, SERVICE_NAME } from './config.js';
import { startBuildService } from './start.js';

const config = loadConfigOrExit(SERVICE_NAME, buildConfigShape);

startBuildService(config).catch(() => process.exit(1)); // already logged as a fatal line
