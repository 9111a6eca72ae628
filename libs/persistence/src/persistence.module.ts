import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { nestPersistenceLogger } from './nest-logger.js';
import { createDataSourceOptions, type ServiceDatabaseOptions } from './database/database-options.js';

/** Provides the service's DataSource to the whole application. */
@Module({})
export class PersistenceModule {
  /** Global module with the DataSource; migrations are run by migrate.ts / openDatabase, never at connect. */
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    // built eagerly so a bad schema or a missing base migration fails at module definition with a clear error
    const dataSourceOptions = createDataSourceOptions({
      ...options,
      logger: options.logger ?? nestPersistenceLogger('TypeORM'),
    });
    return {
      module: PersistenceModule,
      global: true,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => ({ ...dataSourceOptions, migrationsRun: false }) })],
      exports: [TypeOrmModule],
    };
  }
}
