import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ModelPublished } from '@dhi/contracts';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { SERVICE } from '../config.js';
import { ModelRecord } from '../models/model.entity.js';

/** Records each published model version, so the next analyses carry the newest one. */
@Injectable()
export class OnModelPublishedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async record(event: Envelope<ModelPublished>): Promise<void> {
    const { modelVersion } = event.data;
    const outcome = await handleOnce(this.dataSource, { consumer: SERVICE, eventId: event.id }, async (manager) => {
      // the same version announced twice keeps its first record
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(ModelRecord)
        .values({ version: modelVersion, publishedAt: new Date(event.time), payload: event.data })
        .orIgnore()
        .returning('version')
        .execute();
      return (result.raw as unknown[]).length > 0;
    });
    if (outcome.duplicate) this.logger.info({ eventId: event.id, modelVersion }, 'duplicate delivery ignored');
    else this.logger.info({ eventId: event.id, modelVersion, recorded: outcome.result }, 'model version recorded');
  }
}
