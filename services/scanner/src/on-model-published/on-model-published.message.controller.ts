import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ModelPublished, TOPICS } from '@dhi/contracts';
import { EventPattern, Payload } from '@dhi/messaging';
import { OnModelPublishedService } from './on-model-published.service.js';

/** Consumes `dhi.model.published.v1` (validated by the transport against its contract). */
@Controller()
export class OnModelPublishedMessageController {
  constructor(@Inject(OnModelPublishedService) private readonly service: OnModelPublishedService) {}

  @EventPattern(TOPICS.modelPublished)
  async handle(@Payload() event: Envelope<ModelPublished>): Promise<void> {
    await this.service.record(event);
  }
}
