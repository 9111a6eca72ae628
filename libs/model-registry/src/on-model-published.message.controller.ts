import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ModelPublished, TOPICS } from '@dhi/contracts';
import { EventPattern, Payload } from '@dhi/messaging';
import { ModelRegistry } from './model-registry.service.js';

/** Consumes `dhi.model.published.v1` (validated by the transport against its contract). */
@Controller()
export class OnModelPublishedMessageController {
  constructor(@Inject(ModelRegistry) private readonly registry: ModelRegistry) {}

  @EventPattern(TOPICS.modelPublished)
  async handle(@Payload() event: Envelope<ModelPublished>): Promise<void> {
    await this.registry.record(event);
  }
}
