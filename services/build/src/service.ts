import { type ServiceDefinition } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { buildConfigShape, databaseOptions, SERVICE_NAME } from './config.js';

/** The build service as startService runs it (main.ts, and the integration tests in-process). */
export const buildService: ServiceDefinition<typeof buildConfigShape> = {
  name: SERVICE_NAME,
  configShape: buildConfigShape,
  module: (config, kafka) => AppModule.forRoot(config, kafka),
  database: databaseOptions,
  openApi: {
    title: 'DHI build',
    description: 'Submit image builds and follow them through storage, analysis and review; blob downloads for the analysers.',
  },
};
