import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ScanRematched, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnScanRematchedService } from './on-scan-rematched.service.js';

@Controller()
export class OnScanRematchedMessageController {
  constructor(
    @Inject(OnScanRematchedService) private readonly service: OnScanRematchedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  // the transport validated the envelope and payload against the contract before this runs
  @EventPattern(TOPICS.scanRematched)
  async handle(@Payload() event: Envelope<ScanRematched>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, attempt: ctx.attempt }, 'scan.rematched received');
    await this.service.record(event);
  }
}
