import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { ModelRegistry, ModelRegistryModule } from '@dhi/model-registry';
import { BuildAnalysisModule, PlatformModule } from '@dhi/service-kit';
import { type AnomalyDetectorConfig, databaseOptions, SERVICE } from './config.js';
import { GetAnomaliesHttpController } from './get-anomalies/get-anomalies.http.controller.js';
import { GetAnomaliesService } from './get-anomalies/get-anomalies.service.js';
import { GetBaselineHttpController } from './get-baseline/get-baseline.http.controller.js';
import { GetBaselineService } from './get-baseline/get-baseline.service.js';
import { storeProfile } from './on-build-completed/profile-store.js';
import { ProfileRecord } from './profile.entity.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { BASELINE_WINDOW, OnReviewCompletedService } from './on-review-completed/on-review-completed.service.js';

/** The anomaly-detector: profiles completed builds, keeps lineage baselines of approved builds, serves both. */
@Module({})
export class AppModule {
  static forRoot(config: Pick<AnomalyDetectorConfig, 'DATABASE_URL' | 'BASELINE_WINDOW'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, database: databaseOptions(config), kafka }),
        ModelRegistryModule.forRoot({ consumer: SERVICE }),
        BuildAnalysisModule.forRoot({
          consumer: SERVICE,
          verbs: { doing: 'profiling', done: 'profiled' },
          eventIdField: 'anomalyEventId',
          result: ProfileRecord,
          store: storeProfile,
          models: ModelRegistry,
        }),
      ],
      controllers: [
        OnReviewCompletedMessageController,
        GetAnomaliesHttpController,
        GetBaselineHttpController,
      ],
      providers: [
        { provide: BASELINE_WINDOW, useValue: config.BASELINE_WINDOW },
        OnReviewCompletedService,
        GetAnomaliesService,
        GetBaselineService,
      ],
    };
  }
}
