import { loadConfigOrExit } from '@dhi/service-kit';
import { SERVICE_NAME, trainerConfigShape } from './config.js';
import { startTrainer } from './start.js';

const config = loadConfigOrExit(SERVICE_NAME, trainerConfigShape);
startTrainer(config).catch(() => process.exit(1)); // the fatal line is already logged
