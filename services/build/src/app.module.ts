import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { BlobStoreCheck, blobStoreProvider } from './blob-store.provider.js';
import { BUILD_SETTINGS, buildSettings, type BuildConfig, databaseOptions, SERVICE_NAME } from './config.js';
import { TimelineRecorder } from './domain/timeline-recorder.service.js';
import { DockerfileExecutor } from './dockerfile-build/dockerfile.executor.js';
import { ExportImageHttpController } from './export-image/export-image.http.controller.js';
import { ExportImageService } from './export-image/export-image.service.js';
import { GetBuildHttpController } from './get-build/get-build.http.controller.js';
import { GetBuildService } from './get-build/get-build.service.js';
import { ListBuildsHttpController } from './list-builds/list-builds.http.controller.js';
import { ListBuildsService } from './list-builds/list-builds.service.js';
import { OnBuildRequestedMessageController } from './on-build-requested/on-build-requested.message.controller.js';
import { OnBuildRequestedService } from './on-build-requested/on-build-requested.service.js';
import { OnAnomalyCompletedMessageController } from './on-anomaly-completed/on-anomaly-completed.message.controller.js';
import { OnAnomalyCompletedService } from './on-anomaly-completed/on-anomaly-completed.service.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { OnReviewCompletedService } from './on-review-completed/on-review-completed.service.js';
import { OnReviewOpenedMessageController } from './on-review-opened/on-review-opened.message.controller.js';
import { OnReviewOpenedService } from './on-review-opened/on-review-opened.service.js';
import { OnScanCompletedMessageController } from './on-scan-completed/on-scan-completed.message.controller.js';
import { OnScanCompletedService } from './on-scan-completed/on-scan-completed.service.js';
import { OnScanRematchedMessageController } from './on-scan-rematched/on-scan-rematched.message.controller.js';
import { OnScanRematchedService } from './on-scan-rematched/on-scan-rematched.service.js';
import { ReadBlobHttpController } from './read-blob/read-blob.http.controller.js';
import { ReadBlobService } from './read-blob/read-blob.service.js';
import { ReadBuildLogsHttpController } from './read-build-logs/read-build-logs.http.controller.js';
import { ReadBuildLogsService } from './read-build-logs/read-build-logs.service.js';
import { BlobRetentionHttpController } from './retention/blob-retention.http.controller.js';
import { BlobRetentionScheduler } from './retention/blob-retention.scheduler.js';
import { BlobRetentionService } from './retention/blob-retention.service.js';
import { BUILD_EXECUTORS, type BuildExecutor } from './run-build/build-executor.js';
import { BuildWorker } from './run-build/build-worker.service.js';
import { RunBuildService } from './run-build/run-build.service.js';
import { QueueBuildService } from './submit-build/queue-build.service.js';
import { SubmitBuildHttpController } from './submit-build/submit-build.http.controller.js';
import { SubmitBuildService } from './submit-build/submit-build.service.js';
import { SubmitRegistryBuildService } from './submit-build/submit-registry-build.service.js';
import { RegistryPullExecutor, registryPullProviders } from './registry-pull/registry-pull.executor.js';

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
        ExportImageHttpController,
        BlobRetentionHttpController,
        OnBuildRequestedMessageController,
        OnScanCompletedMessageController,
        OnScanRematchedMessageController,
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
        QueueBuildService,
        OnBuildRequestedService,
        RunBuildService,
        BuildWorker,
        DockerfileExecutor,
        // one executor per queued source kind; the worker picks by source.kind
        { provide: BUILD_EXECUTORS, useFactory: (...executors: BuildExecutor[]) => executors, inject: [DockerfileExecutor, RegistryPullExecutor] },
        SubmitRegistryBuildService,
        ...registryPullProviders(config),
        GetBuildService,
        ListBuildsService,
        ReadBuildLogsService,
        ReadBlobService,
        ExportImageService,
        BlobRetentionService,
        BlobRetentionScheduler,
        OnScanCompletedService,
        OnScanRematchedService,
        OnAnomalyCompletedService,
        OnReviewOpenedService,
        OnReviewCompletedService,
      ],
    };
  }
}
