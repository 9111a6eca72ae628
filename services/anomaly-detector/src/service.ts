import { type ServiceDefinition } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { anomalyDetectorConfigShape, databaseOptions, SERVICE } from './config.js';

/** The anomaly-detector as startService runs it (main.ts, and the integration tests in-process). */
export const anomalyDetectorService: ServiceDefinition<typeof anomalyDetectorConfigShape> = {
  name: SERVICE,
  configShape: anomalyDetectorConfigShape,
  module: (config, kafka) => AppModule.forRoot(config, kafka),
  database: databaseOptions,
  openApi: { title: 'DHI anomaly-detector', description: 'Build profiles compared with the baselines of their lineages' },
};
