import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { ModelRegistry, ModelRegistryModule } from '@dhi/model-registry';
import { BuildAnalysisModule, PlatformModule } from '@dhi/service-kit';
import { ANOMALY_SETTINGS, type AnomalySettings } from './anomaly-settings.js';
import { type AnomalyDetectorConfig, databaseOptions, SERVICE } from './config.js';
import { GetAnomaliesHttpController } from './get-anomalies/get-anomalies.http.controller.js';
import { GetAnomaliesService } from './get-anomalies/get-anomalies.service.js';
import { GetBaselineHttpController } from './get-baseline/get-baseline.http.controller.js';
import { GetBaselineService } from './get-baseline/get-baseline.service.js';
import { storeProfile } from './on-build-completed/profile-store.js';
import { readBuildProfile } from './on-build-completed/read-build-profile.js';
import { ProfileRecord } from './profile.entity.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { BASELINE_WINDOW, OnReviewCompletedService } from './on-review-completed/on-review-completed.service.js';
import { ResetBaselineHttpController } from './reset-baseline/reset-baseline.http.controller.js';
import { ResetBaselineService } from './reset-baseline/reset-baseline.service.js';

/**
 * The anomaly-detector: profiles completed builds, compares them with their lineage's baseline of approved builds and
 * explains every deviation, keeps the baselines (reset by administrators), serves both.
 */
@Module({})
export class AppModule {
  static forRoot(config: Pick<AnomalyDetectorConfig, 'DATABASE_URL' | 'BASELINE_WINDOW' | 'MIN_BASELINE' | 'ADMIN_TOKEN'>, kafka: KafkaSettings): DynamicModule {
    const settings: AnomalySettings = { minBaseline: config.MIN_BASELINE, window: config.BASELINE_WINDOW, adminToken: config.ADMIN_TOKEN };
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
          inspect: readBuildProfile,
          store: (manager, analysed) => storeProfile(manager, analysed, settings),
          models: ModelRegistry,
        }),
      ],
      controllers: [
        OnReviewCompletedMessageController,
        GetAnomaliesHttpController,
        GetBaselineHttpController,
        ResetBaselineHttpController,
      ],
      providers: [
        { provide: BASELINE_WINDOW, useValue: config.BASELINE_WINDOW },
        OnReviewCompletedService,
        GetAnomaliesService,
        GetBaselineService,
        ResetBaselineService,
        { provide: ANOMALY_SETTINGS, useValue: settings },
      ],
    };
  }
}
