import { Controller, Inject } from '@nestjs/common';
import { type BuildRequested, type Envelope, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnBuildRequestedService } from './on-build-requested.service.js';

@Controller()
export class OnBuildRequestedMessageController {
  constructor(
    @Inject(OnBuildRequestedService) private readonly service: OnBuildRequestedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  // the transport validated the envelope and payload against the contract before this runs
  @EventPattern(TOPICS.buildRequested)
  async handle(@Payload() event: Envelope<BuildRequested>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.debug({ eventId: event.id, attempt: ctx.attempt }, 'build.requested received');
    await this.service.queue(event);
  }
}
