import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { databaseOptions, type ReviewConfig, SERVICE_NAME } from './config.js';
import { GetReviewHttpController } from './get-review/get-review.http.controller.js';
import { GetReviewService } from './get-review/get-review.service.js';
import { ListReviewsHttpController } from './list-reviews/list-reviews.http.controller.js';
import { ListReviewsService } from './list-reviews/list-reviews.service.js';
import { OnAnomalyCompletedMessageController } from './on-anomaly-completed/on-anomaly-completed.message.controller.js';
import { OnScanCompletedMessageController } from './on-scan-completed/on-scan-completed.message.controller.js';
import { OpenCaseService } from './open-case/open-case.service.js';
import { SubmitVerdictHttpController } from './submit-verdict/submit-verdict.http.controller.js';
import { SubmitVerdictService } from './submit-verdict/submit-verdict.service.js';

@Module({})
export class AppModule {
  static forRoot(config: Pick<ReviewConfig, 'DATABASE_URL'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, database: databaseOptions(config), kafka })],
      controllers: [
        OnScanCompletedMessageController,
        OnAnomalyCompletedMessageController,
        ListReviewsHttpController,
        GetReviewHttpController,
        SubmitVerdictHttpController,
      ],
      providers: [OpenCaseService, ListReviewsService, GetReviewService, SubmitVerdictService],
    };
  }
}
