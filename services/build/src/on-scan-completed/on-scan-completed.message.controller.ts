import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ScanCompleted, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnScanCompletedService } from './on-scan-completed.service.js';

@Controller()
export class OnScanCompletedMessageController {
  constructor(
    @Inject(OnScanCompletedService) private readonly service: OnScanCompletedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  // the transport validated the envelope and payload against the contract before this runs
  @EventPattern(TOPICS.scanCompleted)
  async handle(@Payload() event: Envelope<ScanCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, attempt: ctx.attempt }, 'scan.completed received');
    await this.service.record(event);
  }
}
