import { Controller, Inject } from '@nestjs/common';
import { type Envelope, type ScanCompleted, TOPICS } from '@dhi/contracts';
import { EventPattern, Payload, PoisonMessageError } from '@dhi/messaging';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { OpenCaseService } from '../open-case/open-case.service.js';

/** scan.completed → record the scan result; the case opens when the anomaly result is in too. */
@Controller()
export class OnScanCompletedMessageController {
  constructor(
    @Inject(OpenCaseService) private readonly openCase: OpenCaseService,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.scanCompleted)
  async handle(@Payload() event: Envelope<ScanCompleted>): Promise<void> {
    this.logger.debug({ eventId: event.id }, 'scan.completed received');
    // the build id keys the partition and the lock; an envelope about another build than its payload is unusable
    if (event.subject !== event.data.buildId) {
      throw new PoisonMessageError(`subject ${event.subject} is not the payload's buildId ${event.data.buildId}`);
    }
    await this.openCase.recordAnalysis('scan', event);
  }
}
