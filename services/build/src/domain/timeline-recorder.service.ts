import { Inject, Injectable } from '@nestjs/common';
import { type Envelope } from '@dhi/contracts';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../config.js';
import { applyTimelineChange, type TimelineChange } from './build-timeline.js';

/** Applies what a consumed event says to the build's timeline, exactly once per event id. */
@Injectable()
export class TimelineRecorder {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async record(event: Envelope, buildId: string, change: TimelineChange): Promise<void> {
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE_NAME, eventId: event.id }, (manager) =>
      applyTimelineChange(manager, buildId, change),
    );
    const ids = { eventId: event.id, type: event.type, buildId };
    if (outcome.duplicate) this.logger.info(ids, 'duplicate event ignored');
    // not a build of this service (or of a database that was reset): nothing to keep current, retrying cannot help
    else if (!outcome.result.applied) this.logger.warn(ids, 'event for an unknown build ignored');
    else this.logger.info({ ...ids, status: outcome.result.status, stage: change.stage, stageStatus: outcome.result.stageStatus }, 'build timeline updated');
  }
}
