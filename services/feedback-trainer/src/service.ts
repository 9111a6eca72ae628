import { type ServiceDefinition } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { databaseOptions, SERVICE_NAME, trainerConfigShape } from './config.js';

/** The feedback-trainer as startService runs it (main.ts, and the integration tests in-process). */
export const trainerService: ServiceDefinition<typeof trainerConfigShape> = {
  name: SERVICE_NAME,
  configShape: trainerConfigShape,
  module: (config, kafka) => AppModule.forRoot(config, kafka),
  database: databaseOptions,
  openApi: { title: 'DHI feedback-trainer', description: 'Review events recorded for training, model versions and their metrics' },
};
