import { Controller, Inject } from '@nestjs/common';
import { type AnomalyCompleted, type Envelope, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnAnomalyCompletedService } from './on-anomaly-completed.service.js';

@Controller()
export class OnAnomalyCompletedMessageController {
  constructor(
    @Inject(OnAnomalyCompletedService) private readonly service: OnAnomalyCompletedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.anomalyCompleted)
  async handle(@Payload() event: Envelope<AnomalyCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, attempt: ctx.attempt }, 'anomaly.completed received');
    await this.service.record(event);
  }
}
