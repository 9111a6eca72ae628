import { type DynamicModule, Module } from '@nestjs/common';
import { type KafkaSettings } from '@dhi/messaging';
import { PlatformModule } from '@dhi/service-kit';
import { databaseOptions, SERVICE_NAME, type TrainerConfig } from './config.js';
import { GetCurrentModelHttpController } from './get-current-model/get-current-model.http.controller.js';
import { GetCurrentModelService } from './get-current-model/get-current-model.service.js';
import { ListModelsHttpController } from './list-models/list-models.http.controller.js';
import { ListModelsService } from './list-models/list-models.service.js';
import { ListReviewEventsHttpController } from './list-review-events/list-review-events.http.controller.js';
import { ListReviewEventsService } from './list-review-events/list-review-events.service.js';
import { OnReviewCompletedMessageController } from './on-review-completed/on-review-completed.message.controller.js';
import { OnReviewDecisionMessageController } from './on-review-decision/on-review-decision.message.controller.js';
import { OnReviewOpenedMessageController } from './on-review-opened/on-review-opened.message.controller.js';
import { RecordReviewEventService } from './record-review-event/record-review-event.service.js';

@Module({})
export class AppModule {
  static forRoot(config: Pick<TrainerConfig, 'DATABASE_URL'>, kafka: KafkaSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, database: databaseOptions(config), kafka })],
      controllers: [
        OnReviewOpenedMessageController,
        OnReviewDecisionMessageController,
        OnReviewCompletedMessageController,
        GetCurrentModelHttpController,
        ListModelsHttpController,
        ListReviewEventsHttpController,
      ],
      providers: [RecordReviewEventService, ListModelsService, GetCurrentModelService, ListReviewEventsService],
    };
  }
}
