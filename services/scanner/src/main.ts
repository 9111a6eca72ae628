import { runMigrations } from '@dhi/persistence';
import { createLogger, loadConfigOrExit, runService } from '@dhi/service-kit';
import { AppModule } from './app.module.js';
import { databaseOptions, scannerConfigShape, SERVICE } from './config.js';

const config = loadConfigOrExit(SERVICE, scannerConfigShape);
const logger = createLogger(SERVICE, config.LOG_LEVEL);
const kafka = { brokers: config.KAFKA_BROKERS, clientId: SERVICE };

// Containers have no separate migrate step; migrations hold an advisory lock, so replicas may start together.
runMigrations(databaseOptions(config, logger))
  .then(
    (applied) => logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'no pending migrations'),
    (error: unknown) => {
      logger.fatal({ err: error }, 'migrations failed');
      throw error;
    },
  )
  .then(() =>
    runService({
      name: SERVICE,
      module: AppModule.forRoot(config, kafka),
      port: config.PORT,
      kafka,
      consumerGroup: config.KAFKA_GROUP_ID,
      logLevel: config.LOG_LEVEL,
      logger,
      openApi: { title: 'DHI scanner', description: 'Scans of completed builds: image inventory and findings' },
    }),
  )
  .catch(() => process.exit(1)); // the failure was logged above or by runService
