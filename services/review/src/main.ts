import { loadConfigOrExit } from '@dhi/service-kit';
import { reviewConfigShape, SERVICE_NAME } from './config.js';
import { startReview } from './start.js';

const config = loadConfigOrExit(SERVICE_NAME, reviewConfigShape);
startReview(config).catch(() => process.exit(1)); // the fatal line is already logged
