import { Controller, Inject } from '@nestjs/common';
import { type BuildCompleted, type Envelope, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OnBuildCompletedService } from './on-build-completed.service.js';

/** Consumes `dhi.build.completed.v1`; the transport has validated the envelope and payload against the contract. */
@Controller()
export class OnBuildCompletedMessageController {
  constructor(
    @Inject(OnBuildCompletedService) private readonly service: OnBuildCompletedService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.buildCompleted)
  async handle(@Payload() event: Envelope<BuildCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    this.logger.info({ eventId: event.id, attempt: ctx.attempt, imageDigest: event.data.image.digest }, 'scanning build');
    await this.service.scan(event, ctx);
  }
}
