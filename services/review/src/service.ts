import { type ServiceDefinition } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { databaseOptions, reviewConfigShape, SERVICE_NAME } from './config.js';

/** The review service as startService runs it (main.ts, and the integration tests in-process). */
export const reviewService: ServiceDefinition<typeof reviewConfigShape> = {
  name: SERVICE_NAME,
  configShape: reviewConfigShape,
  module: (config, kafka) => AppModule.forRoot(config, kafka),
  database: databaseOptions,
  openApi: { title: 'DHI review', description: 'Review cases of analysed builds: flags with evidence, verdicts, audit trail' },
};
