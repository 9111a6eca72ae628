import { type ServiceDefinition } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { databaseOptions, scannerConfigShape, SERVICE } from './config.js';

/** The scanner as startService runs it (main.ts, and the integration tests in-process). */
export const scannerService: ServiceDefinition<typeof scannerConfigShape> = {
  name: SERVICE,
  configShape: scannerConfigShape,
  module: (config, kafka) => AppModule.forRoot(config, kafka),
  database: databaseOptions,
  openApi: { title: 'DHI scanner', description: 'Scans of completed builds: image inventory and findings' },
};
