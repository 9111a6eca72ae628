import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { BlobStoreCheck, blobStoreProvider } from './blob-store.provider.js';
import { BUILD_SETTINGS, buildSettings, type BuildConfig, databaseOptions, SERVICE_NAME } from './config.js';
import { TimelineRecorder } from './domain/timeline-recorder.service.js';
import { GetBuildHttpController } from './get-build/get-build.http.controller.js';
import { GetBuildService } from './get-build/get-build.service.js';
import { ListBuildsHttpController } from './list-builds/list-builds.http.controller.js';
import { ListBuildsService } from './list-builds/list-builds.service.js';
import { OnAnomalyCompletedMessageController } from './on-anomaly-completed/on-anomaly-completed.message.controller.js';
import { OnAnomalyCompletedService } from './on-anomaly-completed/on-anomaly-completed.service.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { OnReviewCompletedService } from './on-review-completed/on-review-completed.service.js';
import { OnReviewOpenedMessageController } from './on-review-opened/on-review-opened.message.controller.js';
import { OnReviewOpenedService } from './on-review-opened/on-review-opened.service.js';
import { OnScanCompletedMessageController } from './on-scan-completed/on-scan-completed.message.controller.js';
import { OnScanCompletedService } from './on-scan-completed/on-scan-completed.service.js';
import { ReadBlobHttpController } from './read-blob/read-blob.http.controller.js';
import { ReadBlobService } from './read-blob/read-blob.service.js';
import { ReadBuildLogsHttpController } from './read-build-logs/read-build-logs.http.controller.js';
import { ReadBuildLogsService } from './read-build-logs/read-build-logs.service.js';
import { SubmitBuildHttpController } from './submit-build/submit-build.http.controller.js';
import { SubmitBuildService } from './submit-build/submit-build.service.js';

/** The build service: submit and read builds, serve blobs, keep the timeline current from analysis and review events. */
@Module({})
export class AppModule {
  static forRoot(config: BuildConfig, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, database: databaseOptions(config), kafka })],
      controllers: [
        SubmitBuildHttpController,
        ListBuildsHttpController,
        GetBuildHttpController,
        ReadBuildLogsHttpController,
        ReadBlobHttpController,
        OnScanCompletedMessageController,
        OnAnomalyCompletedMessageController,
        OnReviewOpenedMessageController,
        OnReviewCompletedMessageController,
      ],
      providers: [
        { provide: BUILD_SETTINGS, useValue: buildSettings(config) },
        blobStoreProvider,
        BlobStoreCheck,
        TimelineRecorder,
        SubmitBuildService,
        GetBuildService,
        ListBuildsService,
        ReadBuildLogsService,
        ReadBlobService,
        OnScanCompletedService,
        OnAnomalyCompletedService,
        OnReviewOpenedService,
        OnReviewCompletedService,
      ],
    };
  }
}
