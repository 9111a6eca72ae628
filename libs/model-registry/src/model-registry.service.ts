import { Inject, Injectable } from '@nestjs/common';
import { type Envelope, type ModelPublished } from '@dhi/contracts';
import { handleOnce } from '@dhi/persistence';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { ModelRecord } from './model.entity.js';

/** DI token of the handleOnce consumer name model.published events are recorded under. */
export const MODEL_REGISTRY_CONSUMER = Symbol.for('dhi.model-registry.consumer');

/** The model versions published by the feedback-trainer, as this service has seen them. */
@Injectable()
export class ModelRegistry {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MODEL_REGISTRY_CONSUMER) private readonly consumer: string,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  /** Records a published model once per event; the same version announced twice keeps its first record. */
  async record(event: Envelope<ModelPublished>): Promise<void> {
    const { modelVersion } = event.data;
    const outcome = await handleOnce(this.dataSource, { consumer: this.consumer, eventId: event.id }, async (manager) => {
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

  /** The version of the most recently published model, or null before the first one; pass the manager of a transaction. */
  async latest(manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const latest = await manager.getRepository(ModelRecord).find({
      select: { version: true },
      order: { publishedAt: 'DESC', version: 'DESC' },
      take: 1,
    });
    return latest[0]?.version ?? null;
  }
}
