import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { databaseOptions, type ScannerConfig, SERVICE } from './config.js';
import { GetFindingsHttpController } from './get-findings/get-findings.http.controller.js';
import { GetFindingsService } from './get-findings/get-findings.service.js';
import { GetScanHttpController } from './get-scan/get-scan.http.controller.js';
import { GetScanService } from './get-scan/get-scan.service.js';
import { OnBuildCompletedMessageController } from './on-build-completed/on-build-completed.message.controller.js';
import { OnBuildCompletedService } from './on-build-completed/on-build-completed.service.js';
import { OnModelPublishedMessageController } from './on-model-published/on-model-published.message.controller.js';
import { OnModelPublishedService } from './on-model-published/on-model-published.service.js';

/** The scanner: scans completed builds, records published models, serves findings and scans. */
@Module({})
export class AppModule {
  static forRoot(config: Pick<ScannerConfig, 'DATABASE_URL'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: SERVICE, database: databaseOptions(config), kafka })],
      controllers: [
        OnBuildCompletedMessageController,
        OnModelPublishedMessageController,
        GetFindingsHttpController,
        GetScanHttpController,
      ],
      providers: [OnBuildCompletedService, OnModelPublishedService, GetFindingsService, GetScanService],
    };
  }
}
