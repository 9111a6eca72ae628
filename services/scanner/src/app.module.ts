import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { ModelRegistry, ModelRegistryModule } from '@dhi/model-registry';
import { BuildAnalysisModule, PlatformModule } from '@dhi/service-kit';
import { AdvisoriesHttpController } from './advisories/advisories.http.controller.js';
import { AdvisoriesService } from './advisories/advisories.service.js';
import { databaseOptions, REMATCH_SETTINGS, type RematchSettings, type ScannerConfig, SERVICE } from './config.js';
import { GetFindingsHttpController } from './get-findings/get-findings.http.controller.js';
import { GetFindingsService } from './get-findings/get-findings.service.js';
import { GetScanHttpController } from './get-scan/get-scan.http.controller.js';
import { GetSbomHttpController } from './get-sbom/get-sbom.http.controller.js';
import { GetSbomService } from './get-sbom/get-sbom.service.js';
import { GetScanService } from './get-scan/get-scan.service.js';
import { readBuildImage } from './on-build-completed/read-build-image.js';
import { storeScan } from './on-build-completed/scan-store.js';
import { RematchWorker } from './rematch/rematch.worker.js';
import { RulesHttpController } from './rules/rules.http.controller.js';
import { ScanRecord } from './scan.entity.js';

/**
 * The scanner: scans completed builds (inventory, SBOM, vulnerabilities), re-matches stored SBOMs when advisories change,
 * records published models, serves findings, SBOMs and scans, imports advisories.
 */
@Module({})
export class AppModule {
  static forRoot(config: Pick<ScannerConfig, 'DATABASE_URL' | 'REMATCH_INTERVAL_MS' | 'RUNTIME_LINEAGES' | 'SECRET_ALLOW_PATHS'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE, database: databaseOptions(config), kafka }),
        ModelRegistryModule.forRoot({ consumer: SERVICE }),
        BuildAnalysisModule.forRoot({
          consumer: SERVICE,
          verbs: { doing: 'scanning', done: 'scanned' },
          eventIdField: 'scanEventId',
          result: ScanRecord,
          inspect: (build, heartbeat, limits) => readBuildImage(build, heartbeat, { limits, runtimeLineages: config.RUNTIME_LINEAGES, secretAllowPaths: config.SECRET_ALLOW_PATHS }),
          store: storeScan,
          models: ModelRegistry,
        }),
      ],
      controllers: [GetFindingsHttpController, GetScanHttpController, GetSbomHttpController, AdvisoriesHttpController, RulesHttpController],
      providers: [
        GetFindingsService,
        GetScanService,
        GetSbomService,
        AdvisoriesService,
        RematchWorker,
        { provide: REMATCH_SETTINGS, useValue: { intervalMs: config.REMATCH_INTERVAL_MS } satisfies RematchSettings },
      ],
    };
  }
}
