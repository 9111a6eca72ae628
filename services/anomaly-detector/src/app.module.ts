import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { type AnomalyDetectorConfig, databaseOptions, SERVICE } from './config.js';
import { GetAnomaliesHttpController } from './get-anomalies/get-anomalies.http.controller.js';
import { GetAnomaliesService } from './get-anomalies/get-anomalies.service.js';
import { GetBaselineHttpController } from './get-baseline/get-baseline.http.controller.js';
import { GetBaselineService } from './get-baseline/get-baseline.service.js';
import { OnBuildCompletedMessageController } from './on-build-completed/on-build-completed.message.controller.js';
import { OnBuildCompletedService } from './on-build-completed/on-build-completed.service.js';
import { OnModelPublishedMessageController } from './on-model-published/on-model-published.message.controller.js';
import { OnModelPublishedService } from './on-model-published/on-model-published.service.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { BASELINE_WINDOW, OnReviewCompletedService } from './on-review-completed/on-review-completed.service.js';

/** The anomaly-detector: profiles completed builds, keeps lineage baselines of approved builds, serves both. */
@Module({})
export class AppModule {
  static forRoot(config: Pick<AnomalyDetectorConfig, 'DATABASE_URL' | 'BASELINE_WINDOW'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: SERVICE, database: databaseOptions(config), kafka })],
      controllers: [
        OnBuildCompletedMessageController,
        OnReviewCompletedMessageController,
        OnModelPublishedMessageController,
        GetAnomaliesHttpController,
        GetBaselineHttpController,
      ],
      providers: [
        { provide: BASELINE_WINDOW, useValue: config.BASELINE_WINDOW },
        OnBuildCompletedService,
        OnReviewCompletedService,
        OnModelPublishedService,
        GetAnomaliesService,
        GetBaselineService,
      ],
    };
  }
}
